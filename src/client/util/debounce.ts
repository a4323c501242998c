/**
 * Runs the latest search after typing pauses, and drops answers that arrive after a newer
 * query was sent (a later query can be answered first when its files are already loaded).
 * A failure of the latest run goes to `fail` (a file of the index could not be fetched).
 */
export function latestOnly<A extends unknown[], R>(
  run: (...args: A) => Promise<R>,
  apply: (result: R) => void,
  fail: (error: unknown) => void,
  delayMs = 100,
) {
  let timer: number | undefined;
  let sequence = 0;
  return (...args: A) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const mine = ++sequence;
      try {
        const result = await run(...args);
        if (mine === sequence) apply(result);
      } catch (error) {
        if (mine === sequence) fail(error);
      }
    }, delayMs);
  };
}
