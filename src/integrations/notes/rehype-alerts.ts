import type { ElementContent, Root } from 'hast';
import { rehypeGithubAlerts } from 'rehype-github-alerts';

/** The five GFM alert keywords and the label each one shows. */
export type AlertLabels = Record<'NOTE' | 'TIP' | 'IMPORTANT' | 'WARNING' | 'CAUTION', string>;

/**
 * GFM alerts (`> [!WARNING]` on its own first line, as GitHub and Obsidian write them) become
 * callouts: `<div class="markdown-alert markdown-alert-warning">` opening with a title line that
 * holds the label. rehype-github-alerts finds and unwraps the blockquote; we build the markup, in
 * Chinese and without GitHub's inline SVG: the icon is a CSS mask (prose.css), so a page carries
 * no icon bytes per callout.
 */
export function rehypeAlerts(options: { labels: AlertLabels }): (tree: Root) => void {
  return rehypeGithubAlerts({
    build: (alert, children): ElementContent => {
      const keyword = alert.keyword.toUpperCase() as keyof AlertLabels;
      return {
        type: 'element',
        tagName: 'div',
        properties: { className: ['markdown-alert', `markdown-alert-${keyword.toLowerCase()}`] },
        children: [
          { type: 'element', tagName: 'p', properties: { className: ['markdown-alert-title'] }, children: [{ type: 'text', value: options.labels[keyword] ?? alert.title }] },
          ...children,
        ],
      };
    },
  });
}
