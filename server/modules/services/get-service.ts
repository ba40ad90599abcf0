import type { TService } from '../../../common/contracts/services';
import { assertCan, can } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { ServiceActions } from './services.policy';
import { serviceNotFound } from './services.errors';
import { loadServiceViews } from './service-views';

/** One service's public page: provider, places, times, costs, eligibility, capacity and how fresh it is. */
export async function getService(context: UseCaseContext, id: string): Promise<TService> {
  assertCan(context.actor, ServiceActions['services.read'], { id });
  const [view] = await loadServiceViews(context.db.orm, [id], { areaNamesLimit: 500 });
  if (!view) throw serviceNotFound(id);
  return { ...view, canEdit: can(context.actor, ServiceActions['services.update'], { organizationId: view.provider.id }) };
}
