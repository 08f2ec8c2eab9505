// Work that runs in steps (training a classifier beside a live server) pauses about every
// SLICE_MS, so the event loop is never held long: one clock for every such loop.

/** Longest stretch of work between two pauses. */
export const SLICE_MS = 10;

/**
 * A check for loops that run in steps: true about every SLICE_MS of work, when the loop should
 * pause (yield). Reads the clock every `every` calls (a power of two): 1 for loops whose items
 * are texts or training steps, more for loops over table entries.
 */
export function pacer(every = 256): () => boolean {
  let started = performance.now();
  let calls = 0;
  const mask = every - 1;
  return () => {
    if ((++calls & mask) !== 0) return false;
    const now = performance.now();
    if (now - started < SLICE_MS) return false;
    started = now;
    return true;
  };
}
