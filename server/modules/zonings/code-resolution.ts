/** What a municipality code read from a file stands for today (the territory module's contract, issue 13). */
export type CodeResolution =
  | { kind: 'current'; code: string; name: string }
  | { kind: 'succeeded'; code: string; name: string; successorCode: string; successorName: string; on: string }
  | { kind: 'ceased'; code: string; name: string; ceasedOn: string }
  | { kind: 'unknown'; code: string };

