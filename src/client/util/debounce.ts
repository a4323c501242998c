/**
 * Runs the latest search after typing pauses (`later`), or at once (`now`) when a whole word
 * arrived in one go, and drops answers that arrive after a newer query was sent (a later query
 * can be answered first when its files are already loaded). A failure of the latest run goes to
 * `fail` (a file of the index could not be fetched).
 */
export function latestOnly<A extends unknown[], R>(
  run: (...args: A) => Promise<R>,
  apply: (result: R) => void,
  fail: (error: unknown) => void,
  delayMs = 100,
) {
  let timer: number | undefined;
  let sequence = 0;
  const start = async (args: A) => {
    const mine = ++sequence;
    try {
      const result = await run(...args);
      if (mine === sequence) apply(result);
    } catch (error) {
      if (mine === sequence) fail(error);
    }
  };
  return {
    later: (...args: A) => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void start(args), delayMs);
    },
    now: (...args: A) => {
      window.clearTimeout(timer);
      void start(args);
    },
  };
}

/**
 * Whether an input event brought a whole word at once: an input method committing it, a paste or
 * a drop, or several characters inserted together. Such a query needs no pause for more typing.
 * Input still being composed (the pinyin before a word is chosen) is no query at all.
 */
export function inputKind(event: Event): 'composing' | 'word' | 'keystroke' {
  if (!(event instanceof InputEvent)) return 'word';
  if (event.isComposing) return 'composing';
  if (/^insertFrom(Paste|Drop)|^insertReplacementText$|^insertCompositionText$/.test(event.inputType)) return 'word';
  return (event.data?.length ?? 0) > 1 ? 'word' : 'keystroke';
}
