import type { LinkProblem } from './links';
import type { Corpus } from '../model';

/** `<script …>` anywhere in a raw HTML chunk. */
const SCRIPT_TAG = /<script\b/gi;
/** An opening tag, its attributes included (quoted values may hold `>`). */
const OPENING_TAG = /<[a-z][a-z0-9-]*(?:\s+(?:[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)|\s*\/)*\s*>/gi;
/** An inline event handler attribute (`onclick=`, `onload =`) inside an opening tag. */
const EVENT_HANDLER = /\s(on[a-z]+)\s*=/gi;

/**
 * Raw HTML in a note that the site's Content-Security-Policy will refuse to run: `<script>` tags
 * and inline event handlers. The build goes on (the HTML may be deliberate, e.g. an example),
 * but the author learns at once where, as `file:line`, rather than from a dead button later.
 */
export function findScriptInHtml(corpus: Corpus, includeDrafts: boolean): LinkProblem[] {
  const problems: LinkProblem[] = [];
  for (const note of corpus.notes.values()) {
    if (note.draft && !includeDrafts) continue;
    for (const chunk of note.html) {
      const lineAt = (index: number) => chunk.line + (chunk.value.slice(0, index).match(/\n/g)?.length ?? 0);
      for (const match of chunk.value.matchAll(SCRIPT_TAG)) {
        problems.push({ file: note.file, line: lineAt(match.index), target: '<script>', reason: 'inline script: the CSP blocks it' });
      }
      for (const tag of chunk.value.matchAll(OPENING_TAG)) {
        for (const handler of tag[0].matchAll(EVENT_HANDLER)) {
          const attribute = handler[1]!.toLowerCase();
          problems.push({
            file: note.file,
            line: lineAt(tag.index + handler.index),
            target: `${attribute}=`,
            reason: 'inline event handler: the CSP blocks it',
          });
        }
      }
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
