/**
 * Runs the latest search after typing pauses, and drops answers that arrive after a newer
 * query was sent (Pagefind answers out of order when a later query is cheaper).
 */
export function latestOnly<A extends unknown[], R>(run: (...args: A) => Promise<R>, apply: (result: R) => void, delayMs = 150) {
  let timer: number | undefined;
  let sequence = 0;
  return (...args: A) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const mine = ++sequence;
      const result = await run(...args);
      if (mine === sequence) apply(result);
    }, delayMs);
  };
}
