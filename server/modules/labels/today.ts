import { todayInItaly } from '../../../common/domain/surveys';

/** Today's date in Italy as an ISO date: a label is valid through its last day in Italy, not in UTC. */
export const todayIso = (now: Date = new Date()): string => todayInItaly(now);
