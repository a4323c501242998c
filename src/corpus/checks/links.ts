import type { Corpus } from '../model';
import { resolveLink, type ResolveOptions } from '../resolve';
import type { ContentProblem } from './problem';

/** Every broken link of every note, so one build run lists them all. */
export function checkLinks(corpus: Corpus, options: ResolveOptions): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const note of corpus.notes.values()) {
    if (note.draft && !options.includeDrafts) continue;
    for (const link of note.links) {
      const result = resolveLink(corpus, note.id, link, options);
      if (result.ok) continue;
      const anchor = link.anchor ? `#${link.anchor}` : '';
      const written = link.kind === 'wiki' ? `[[${link.target}${anchor}]]` : `${link.target}${anchor}`;
      problems.push({ file: note.file, line: link.line, target: written, reason: result.reason });
    }
  }
  return problems;
}
