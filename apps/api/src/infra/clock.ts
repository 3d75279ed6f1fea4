/** The time source; tests pass a fixed or advancing clock. */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };
