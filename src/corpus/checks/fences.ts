import type { Corpus } from '../model';
import type { LinkProblem } from './links';

/**
 * Every fenced block must name a language the highlighter knows: an unknown one would silently
 * render as plain text, and a missing one leaves readers guessing what the snippet configures.
 */
export function checkFences(corpus: Corpus, knownLanguages: ReadonlySet<string>, includeDrafts: boolean): LinkProblem[] {
  const problems: LinkProblem[] = [];
  for (const note of corpus.notes.values()) {
    if (note.draft && !includeDrafts) continue;
    for (const fence of note.fences) {
      if (!fence.lang) {
        problems.push({ file: note.file, line: fence.line, target: '```', reason: 'code block without a language' });
      } else if (!knownLanguages.has(fence.lang.toLowerCase())) {
        problems.push({ file: note.file, line: fence.line, target: `\`\`\`${fence.lang}`, reason: `unknown language "${fence.lang}"` });
      }
    }
  }
  return problems;
}
