/** "3 h 20 min", "2 d 4 h", "12 min": a compact duration for timers. */
export function formatDuration(ms: number, units: { d: string; h: string; min: string }): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days} ${units.d} ${hours} ${units.h}`;
  if (hours > 0) return `${hours} ${units.h} ${mins} ${units.min}`;
  return `${mins} ${units.min}`;
}
