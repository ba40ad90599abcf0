import { isPlatformAdmin } from '../access/actor';
import { definePolicies } from '../access/policy';

export const JobActions = definePolicies({
  /** The queue and its failures are the platform's plumbing: administrators only. */
  'jobs.read': (actor) => isPlatformAdmin(actor),
  'jobs.retry': (actor) => isPlatformAdmin(actor),
});
