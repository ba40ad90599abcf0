import type { JobHandler } from '../jobs/job-definitions';
import { createMailDeliveryJob } from './deliver-queued-mail';
import { MAIL_DELIVER_JOB } from './mail-outbox';

/** The platform's mail jobs, registered by server/app.ts beside the modules' ones. */
export const MAIL_JOBS: Record<string, JobHandler> = { [MAIL_DELIVER_JOB]: createMailDeliveryJob() };
