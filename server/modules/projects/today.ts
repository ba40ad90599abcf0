/** Today's date (UTC) as an ISO date: partners are active on it, milestones are late after it. */
export const todayIso = () => new Date().toISOString().slice(0, 10);
