import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { find, html as htmlSchema } from 'property-information';
import type { Corpus } from '../model';
import { byPlace, type ContentProblem } from './problem';

/**
 * Raw HTML a note may carry: a few harmless elements that Markdown has no syntax for. Anything
 * else (`script`, `meta` refresh, `base`, `iframe`, `object`, `embed`, `form`, `style`, event
 * handlers, `style=`, `javascript:` URLs) could redirect, restyle or attack every reader of a
 * page whose author the site trusts less than its owner, so the build stops on it.
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  details: ['open'],
  summary: [],
  kbd: [],
  sub: [],
  sup: [],
  br: [],
  abbr: ['title'],
  mark: [],
  small: [],
  ins: [],
  del: [],
  img: ['src', 'alt', 'title', 'width', 'height'],
};
const COMMON_ATTRIBUTES = ['title', 'lang', 'dir'];

export function checkRawHtml(corpus: Corpus, includeDrafts: boolean): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const note of corpus.notes.values()) {
    if (note.draft && !includeDrafts) continue;
    for (const chunk of note.html) {
      for (const found of htmlProblems(chunk.value)) {
        problems.push({ file: note.file, line: chunk.line + found.lineOffset, target: found.target, reason: found.reason });
      }
    }
  }
  return problems.sort(byPlace);
}

interface Found {
  lineOffset: number;
  target: string;
  reason: string;
}

/** What in one chunk of raw HTML is outside the allowlist. Closing tags alone (`</details>`) parse to nothing. */
export function htmlProblems(html: string): Found[] {
  const found: Found[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'element') found.push(...elementProblems(node));
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(fromHtml(html, { fragment: true }));
  return found;
}

function elementProblems(element: Element): Found[] {
  const lineOffset = (element.position?.start.line ?? 1) - 1;
  const allowed = ALLOWED[element.tagName];
  if (!allowed) {
    return [{ lineOffset, target: `<${element.tagName}>`, reason: `raw HTML element not allowed (allowed: ${Object.keys(ALLOWED).join(', ')})` }];
  }
  const problems: Found[] = [];
  for (const [name, value] of Object.entries(element.properties)) {
    const attribute = find(htmlSchema, name).attribute;
    if (!allowed.includes(attribute) && !COMMON_ATTRIBUTES.includes(attribute)) {
      problems.push({ lineOffset, target: `<${element.tagName} ${attribute}=…>`, reason: 'attribute not allowed in raw HTML' });
    } else if (attribute === 'src' && !isLocalUrl(String(value))) {
      problems.push({ lineOffset, target: `<${element.tagName} src="${String(value)}">`, reason: 'images must be local files (no remote or javascript: URLs)' });
    }
  }
  return problems;
}

function isLocalUrl(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(url.trim()) && !url.trim().startsWith('//');
}
