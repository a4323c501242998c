import { bundledLanguagesInfo } from 'shiki';
import type { Corpus } from '../model';
import type { ContentProblem } from './problem';

/** Languages Shiki highlights, by id and alias, plus its plain-text names. */
export const knownLanguages: ReadonlySet<string> = new Set([
  'text', 'txt', 'plaintext', 'plain',
  ...bundledLanguagesInfo.flatMap((info) => [info.id, ...(info.aliases ?? [])]),
]);

/**
 * Every fenced block must name a language the highlighter knows: an unknown one would silently
 * render as plain text, and a missing one leaves readers guessing what the snippet configures.
 * A fence that is never closed would swallow the rest of the note as code.
 */
export function checkFences(corpus: Corpus, includeDrafts: boolean): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const note of corpus.notes.values()) {
    if (note.draft && !includeDrafts) continue;
    for (const fence of note.fences) {
      const problem = (target: string, reason: string) => problems.push({ file: note.file, line: fence.line, target, reason });
      if (!fence.closed) problem('```', 'code block is never closed: the rest of the note would become code');
      if (!fence.lang) problem('```', 'code block without a language');
      else if (!knownLanguages.has(fence.lang.toLowerCase())) problem(`\`\`\`${fence.lang}`, `unknown language "${fence.lang}"`);
    }
  }
  return problems;
}
