import type { Root } from 'hast';
import { defaultBuild, rehypeGithubAlerts } from 'rehype-github-alerts';

/** The five GFM alert keywords and the label each one shows. */
export type AlertLabels = Record<'NOTE' | 'TIP' | 'IMPORTANT' | 'WARNING' | 'CAUTION', string>;

/**
 * GFM alerts (`> [!WARNING]` on its own first line, as GitHub and Obsidian write them) become
 * callouts: `<div class="markdown-alert markdown-alert-warning">` with a title line holding the
 * Octicon and the label. rehype-github-alerts does the parsing and keeps GitHub's markup; only the
 * label is ours, so the callouts read in Chinese. Styles: src/styles/prose.css.
 */
export function rehypeAlerts(options: { labels: AlertLabels }): (tree: Root) => void {
  return rehypeGithubAlerts({
    build: (alert, children) => {
      const title = options.labels[alert.keyword.toUpperCase() as keyof AlertLabels] ?? alert.title;
      return defaultBuild({ ...alert, title }, children);
    },
  });
}
