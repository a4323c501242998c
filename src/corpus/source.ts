import fs from 'node:fs';
import type { ContentProblem } from './checks/problem';

/** Larger notes are almost surely pasted logs or generated files; they would slow every build. */
export const MAX_NOTE_BYTES = 512 * 1024;
/** Blockquote or list nesting deeper than this is never prose, and would exhaust the parser's stack. */
export const MAX_NESTING = 32;

/**
 * A note's text, or why it cannot be read as a note: too large, not UTF-8 (with a hint for the
 * encodings Chinese editors save in), or nested too deep. Checked before parsing, so hostile
 * input fails fast with its name instead of crashing the parser.
 */
export function readSource(file: string): { text: string } | { problem: ContentProblem } {
  const bytes = fs.readFileSync(file);
  const problem = (line: number, target: string, reason: string) => ({ problem: { file, line, target, reason } });
  if (bytes.length > MAX_NOTE_BYTES) {
    return problem(0, `${bytes.length} bytes`, `note is larger than ${MAX_NOTE_BYTES / 1024} KiB: split it`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const guess = guessEncoding(bytes);
    return problem(0, 'encoding', `not UTF-8${guess ? ` (looks like ${guess}; convert it: iconv -f ${guess} -t UTF-8 <file> -o <file>.utf8)` : ''}`);
  }
  const deep = deepestLine(text);
  if (deep) return problem(deep.line, `${deep.depth} levels`, `blockquote or list nested deeper than ${MAX_NESTING} levels`);
  return { text };
}

function guessEncoding(bytes: Uint8Array): string | undefined {
  for (const encoding of ['GB18030', 'Big5', 'UTF-16LE']) {
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
      if (/\p{Script=Han}/u.test(text) || encoding === 'UTF-16LE') return encoding === 'GB18030' ? 'GBK' : encoding;
    } catch {
      // not this one either
    }
  }
  return undefined;
}

/** The first line nested deeper than MAX_NESTING: `>` markers, or indentation in steps of two. */
function deepestLine(text: string): { line: number; depth: number } | undefined {
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    const quotes = /^[\s>]*/.exec(line)?.[0].split('>').length ?? 1;
    const indent = /^[ \t]*/.exec(line)?.[0].replace(/\t/g, '    ').length ?? 0;
    const depth = Math.max(quotes - 1, Math.floor(indent / 2));
    if (depth > MAX_NESTING) return { line: index + 1, depth };
  }
  return undefined;
}
