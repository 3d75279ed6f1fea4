import v8 from 'node:v8';

/**
 * V8 settings of the portal's process, set before it allocates much. Call first thing.
 *
 * No allocation-site pretenuring: V8 moves an allocation site's objects straight to the old
 * generation when a young-generation GC finds nearly all of them alive. A batch answer holds every
 * line's result until it is written, so a GC during that moment can find them all alive and from
 * then on every costing result (and each decimal it points to) is born old: each young GC then
 * walks a large remembered set, 15–18 ms instead of under 1 ms, and the old generation grows by
 * ~10 MB a second under load. It happened in about a third of processes, at random (bench:costing:
 * a 200-line quote's p95 17 ms instead of 3 ms in the function; seen with --trace-gc and
 * --trace-pretenuring-statistics); without pretenuring no run did, and a first start is no slower.
 */
export function tuneV8(): void {
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}
