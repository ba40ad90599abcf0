import { AppError, notFound } from '../../platform/errors/app-error';

export const proposalNotFound = (id: string) => notFound('proposal', id);
export const referralNotFound = (id: string) => notFound('referral', id);
export const districtNotFound = (id: string) => notFound('district', id);

export const forbiddenTransition = (action: string, status: string, allowed: string[]) =>
  new AppError('MATCHING.FORBIDDEN_TRANSITION', `A referral in state "${status}" cannot be moved with "${action}"`, { action, status, allowed });
export const notEnoughJoined = (joined: number, threshold: number) =>
  new AppError('MATCHING.NOT_ENOUGH_JOINED', `Only ${joined} requesting organization(s) joined; the proposal needs ${threshold}`, { joined, threshold });
export const proposalNotOpen = (status: string) =>
  new AppError('MATCHING.PROPOSAL_NOT_OPEN', `The proposal is ${status}: it no longer takes answers or changes`, { status });
export const emptyGroup = () =>
  new AppError('MATCHING.EMPTY_GROUP', 'This group has no open needs of organizations: nobody to propose a shared service to', {});
export const serviceNotActive = (id: string) =>
  new AppError('MATCHING.SERVICE_NOT_ACTIVE', `Service ${id} is not active: it takes no referrals`, { id });
