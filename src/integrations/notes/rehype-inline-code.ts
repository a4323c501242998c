import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Inline code is set `white-space: nowrap` (prose.css), so a flag such as `-XX:-UseGCOverheadLimit`
 * never breaks at its hyphens. Code too long for a phone line would then overflow, so code longer
 * than LONG columns gets `class="code-long"` and may break between its words; a word that a browser
 * could break inside (at a hyphen or a slash) is wrapped in a span that keeps it whole, unless it
 * alone is longer than LONG.
 */
const LONG = 30;
const BREAKABLE = /[-/\u2010-\u2014]/;

/** Columns on a monospace line: CJK and other wide characters take two. */
function columns(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

export function rehypeInlineCode() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, _index, parent) => {
      if (node.tagName !== 'code' || (parent?.type === 'element' && parent.tagName === 'pre')) return;
      const [only] = node.children;
      if (node.children.length !== 1 || only?.type !== 'text' || columns(only.value) <= LONG) return;
      node.properties = { ...node.properties, className: ['code-long'] };
      node.children = only.value.split(/(\s+)/).filter(Boolean).map((part): ElementContent =>
        !BREAKABLE.test(part) || columns(part) > LONG
          ? { type: 'text', value: part }
          : { type: 'element', tagName: 'span', properties: {}, children: [{ type: 'text', value: part }] },
      );
    });
  };
}
