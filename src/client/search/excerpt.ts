import type { Passage } from '../../lib/search/format';

/**
 * The line of a passage around the first thing searched for, cut to a readable length, with every
 * occurrence marked: the literal query (`Restart=always`, not the `RestartSec` next to it), or the
 * words found when the query was matched word by word.
 */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface Excerpt {
  /** The section the passage belongs to: the result links there. */
  anchor: string;
  parts: ExcerptPart[];
}

const BEFORE = 28;
const LENGTH = 110;

/**
 * Case-insensitive, any run of spaces for a space, regex characters literal. A Latin word starts a
 * mark only at a word boundary (`oom` in `OOM killer`, not in `HeapOom`); it may end anywhere, since
 * the last word of a query being typed is a prefix.
 */
export function markPattern(marks: readonly string[]): RegExp | undefined {
  const words = [...new Set(marks.map((mark) => mark.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return undefined;
  const escaped = words.map((word) => {
    const literal = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    return /^[\p{Script=Latin}\p{N}_]/u.test(word) ? `(?<![\\p{Script=Latin}\\p{N}_])${literal}` : literal;
  });
  return new RegExp(escaped.join('|'), 'giu');
}

/**
 * Whether the passage really holds the text (the index only knows its terms are in the passage),
 * compared the way the index compares: case and width folded.
 */
export function holds(passage: Passage, text: string): boolean {
  return markPattern([text])?.test(passage.text.normalize('NFKC')) ?? false;
}

/** The excerpt shows the text as written (full-width punctuation stays full-width). */
export function excerptOf(passage: Passage, marks: readonly string[]): Excerpt {
  const { text } = passage;
  const pattern = markPattern(marks);
  const first = pattern ? text.search(pattern) : -1;
  const at = Math.max(0, first);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const newline = text.indexOf('\n', at);
  const lineEnd = newline === -1 ? text.length : newline;
  const start = Math.max(lineStart, first === -1 ? lineStart : at - BEFORE);
  const end = Math.min(lineEnd, start + LENGTH);
  const window = text.slice(start, end);
  const parts: ExcerptPart[] = [];
  if (start > lineStart) parts.push({ text: '…', mark: false });
  let last = 0;
  for (const match of pattern ? window.matchAll(pattern) : []) {
    if (match.index > last) parts.push({ text: window.slice(last, match.index), mark: false });
    parts.push({ text: match[0], mark: true });
    last = match.index + match[0].length;
  }
  if (last < window.length) parts.push({ text: window.slice(last), mark: false });
  if (end < lineEnd) parts.push({ text: '…', mark: false });
  return { anchor: passage.anchor, parts };
}
