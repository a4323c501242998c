import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { remarkWikilinks } from '../../corpus/wikilinks';
import { zhCN } from '../../lib/i18n';
import { rehypeExternalLinks } from './rehype-external-links';
import { rehypeHeadingAnchors } from './rehype-heading-anchors';
import { rehypeScrollableTables } from './rehype-scrollable-tables';
import { remarkNoteLinks, type NoteLinkOptions } from './remark-note-links';

/** The Markdown pipeline of every note: GFM, wikilinks and note links, then heading anchors, external links, tables. */
export function notesMarkdown(noteLinks: NoteLinkOptions) {
  return unified({
    // GFM comes from remark-gfm, declared here so its version is ours, not a default's.
    gfm: false,
    smartypants: false,
    remarkPlugins: [remarkGfm, remarkWikilinks, [remarkNoteLinks, noteLinks]],
    remarkRehype: {
      footnoteLabel: zhCN.footnotes,
      footnoteBackLabel: (index: number) => zhCN.footnoteBack(index + 1),
    },
    rehypePlugins: [
      rehypeHeadingIds,
      [rehypeHeadingAnchors, { label: zhCN.headingAnchor }],
      rehypeExternalLinks,
      [rehypeScrollableTables, { label: zhCN.tableLabel }],
    ],
  });
}
