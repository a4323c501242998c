import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * A "#" link after each h2–h4 so readers can copy a section's address. The link has no text
 * (CSS draws the "#"), so the heading's text and its slug stay exactly what the author wrote.
 */
export function rehypeHeadingAnchors(options: { label: string }) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (!/^h[2-4]$/.test(node.tagName)) return;
      const id = node.properties['id'];
      if (typeof id !== 'string' || id === 'footnote-label') return;
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: { href: `#${id}`, className: ['heading-anchor'], ariaLabel: `${options.label}` },
        children: [],
      });
    });
  };
}
