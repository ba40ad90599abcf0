import type { TLabelScheme, TLabelSchemeList } from '../../../common/contracts/labels';
import { assertCan } from '../../platform/access/policy';
import { notFound } from '../../platform/errors/app-error';
import type { UseCaseContext } from '../../platform/use-case';
import { LabelActions } from './labels.policy';
import { selectScheme, selectSchemes } from './labels.repository';
import { presentSchemes } from './present-scheme';

/** Every label scheme, for anyone signed in (what an organization can apply for, and by which criteria). */
export async function listSchemes(context: UseCaseContext): Promise<TLabelSchemeList> {
  assertCan(context.actor, LabelActions['labels.read-schemes']);
  return { items: await presentSchemes(context.db.orm, context, await selectSchemes(context.db.orm)) };
}

/** One label scheme, for anyone signed in. */
export async function getScheme(context: UseCaseContext, schemeId: string): Promise<TLabelScheme> {
  assertCan(context.actor, LabelActions['labels.read-schemes']);
  const scheme = await selectScheme(context.db.orm, schemeId);
  if (!scheme) throw notFound('label_scheme', schemeId);
  return (await presentSchemes(context.db.orm, context, [scheme]))[0]!;
}
