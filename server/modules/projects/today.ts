import { todayInItaly } from '../../../common/domain/calendar';

/**
 * Today's date in Italy as an ISO date: partners are active on it, milestones are late after it. Italy's day, not
 * UTC's: between midnight and one (two in summer) the two differ, and a milestone due today is not late yet.
 */
export const todayIso = (): string => todayInItaly();
