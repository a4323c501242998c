import type { Nodes, Root } from 'mdast';
import { wikilinkOf } from './wikilinks';

/**
 * A heading's text as the rendered page has it, which is what its slug is made from: raw HTML
 * tags and image alt text are dropped, a footnote reference is its number, and an unlabelled
 * wikilink shows its target's title.
 */
export function headingText(node: Nodes, footnoteNumbers: Map<string, number>, wikiTitle: (target: string) => string | undefined): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'html':
    case 'image':
    case 'imageReference':
      return '';
    case 'footnoteReference':
      return String(footnoteNumbers.get(node.identifier.toLowerCase()) ?? '');
    case 'link': {
      const wiki = wikilinkOf(node);
      if (wiki && !wiki.label) {
        const title = wikiTitle(wiki.target) ?? wiki.target;
        return wiki.anchor ? `${title} › ${wiki.anchor}` : title;
      }
      break;
    }
  }
  return 'children' in node ? (node.children as Nodes[]).map((child) => headingText(child, footnoteNumbers, wikiTitle)).join('') : '';
}

/** GFM numbers footnotes by the order of their first reference: their ids (lower case) in that order. */
export function footnoteOrder(tree: Root): string[] {
  const seen = new Set<string>();
  const walk = (node: Nodes) => {
    if (node.type === 'footnoteReference') seen.add(node.identifier.toLowerCase());
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(tree);
  return [...seen];
}
