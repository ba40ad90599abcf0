/**
 * Preloaded (`node --import`) into a journey's server to move its clock E2E_CLOCK_SHIFT_MS ahead: `Date.now()` and
 * `new Date()` answer the shifted time, which the jobs' scheduler, the use cases and the embedded database (PGlite reads
 * the time through `Date.now()`) all see. Time still flows; dates built from explicit values are untouched. Only the
 * e2e server starter loads it, and only when a journey restarts its server weeks ahead.
 */
const shiftMs = Number(process.env.E2E_CLOCK_SHIFT_MS ?? '0');

if (Number.isFinite(shiftMs) && shiftMs !== 0) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + shiftMs);
      else super(...(args as [string | number | Date]));
    }

    static override now(): number {
      return RealDate.now() + shiftMs;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}

export {};
