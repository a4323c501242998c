import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Links that leave the site open safely and carry a small marker (drawn by CSS). */
export function rehypeExternalLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a') return;
      const href = node.properties['href'];
      if (typeof href !== 'string' || !/^https?:\/\//i.test(href)) return;
      node.properties['rel'] = ['noopener', 'noreferrer'];
      node.properties['className'] = [...toList(node.properties['className']), 'external-link'];
    });
  };
}

function toList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/) : [];
}
