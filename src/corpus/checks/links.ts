import path from 'node:path';
import { resolveLink, type ResolveOptions } from '../resolve';
import type { Corpus } from '../model';

export interface LinkProblem {
  file: string;
  line: number;
  target: string;
  reason: string;
}

/** Every broken link of every note, so one build run lists them all. */
export function checkLinks(corpus: Corpus, options: ResolveOptions): LinkProblem[] {
  const problems: LinkProblem[] = [];
  for (const note of corpus.notes.values()) {
    if (note.draft && !options.includeDrafts) continue;
    for (const link of note.links) {
      const result = resolveLink(corpus, note.id, link, options);
      if (!result.ok) {
        const written = link.kind === 'wiki' ? `[[${link.target}${link.anchor ? `#${link.anchor}` : ''}]]` : `${link.target}${link.anchor ? `#${link.anchor}` : ''}`;
        problems.push({ file: note.file, line: link.line, target: written, reason: result.reason });
      }
    }
  }
  return problems;
}

/** `content/notes/kafka/replication.md:42 → ./isr.md#高水位 (no heading …)` */
export function formatProblems(problems: LinkProblem[], cwd = process.cwd()): string {
  return problems
    .map((p) => `${path.relative(cwd, p.file)}:${p.line} → ${p.target} (${p.reason})`)
    .join('\n');
}
