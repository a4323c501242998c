import path from 'node:path';

/** One thing wrong in the content, where it is: `file:line → target (reason)`. */
export interface ContentProblem {
  /** Absolute path. */
  file: string;
  /** 1-based; 0 when the problem is the whole file. */
  line: number;
  /** What is wrong, as written: a link target, a tag, a language. */
  target: string;
  reason: string;
}

/** `content/notes/kafka/replication.md:42 → ./isr.md#高水位 (no heading …)`, one per line. */
export function formatProblems(problems: readonly ContentProblem[], cwd = process.cwd()): string {
  return problems
    .map((p) => `${path.relative(cwd, p.file) || p.file}${p.line > 0 ? `:${p.line}` : ''} → ${p.target} (${p.reason})`)
    .join('\n');
}

export function byPlace(a: ContentProblem, b: ContentProblem): number {
  return a.file.localeCompare(b.file) || a.line - b.line;
}
