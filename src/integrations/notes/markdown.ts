import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeExternalLinks from 'rehype-external-links';
import remarkGfm from 'remark-gfm';
import { remarkWikilinks } from '../../corpus/wikilinks';
import { zhCN } from '../../lib/i18n';
import { rehypeHighlightCode } from '../code-blocks/index';
import { remarkDiagrams } from '../diagrams/index';
import { rehypeScrollableTables } from './rehype-scrollable-tables';
import { rehypeAlerts } from './rehype-alerts';
import { rehypeInlineCode } from './rehype-inline-code';
import { remarkNoteLinks, type NoteLinkOptions } from './remark-note-links';
import { remarkParsedOnce } from './remark-parsed-once';

/**
 * The Markdown pipeline of every note: GFM, wikilinks and note links, then heading anchors,
 * external links, tables, and code highlighting last (see rehypeHighlightCode).
 */
export async function notesMarkdown(noteLinks: NoteLinkOptions) {
  return unified({
    // GFM comes from remark-gfm, declared here so its version is ours, not a default's.
    gfm: false,
    smartypants: false,
    remarkPlugins: [remarkParsedOnce, remarkGfm, remarkWikilinks, [remarkNoteLinks, noteLinks], [remarkDiagrams, { base: noteLinks.base }]],
    remarkRehype: {
      footnoteLabel: zhCN.footnotes,
      footnoteBackLabel: (index: number) => zhCN.footnoteBack(index + 1),
    },
    rehypePlugins: [
      rehypeHeadingIds,
      // A "#" link after each h2–h4 so readers can copy a section's address; CSS draws the "#",
      // so the heading's text (and its slug) stay exactly what the author wrote.
      [
        rehypeAutolinkHeadings,
        {
          behavior: 'append',
          test: (element: { tagName: string; properties: { id?: unknown } }) => /^h[2-4]$/.test(element.tagName) && element.properties.id !== 'footnote-label',
          properties: { className: ['heading-anchor'], ariaLabel: zhCN.headingAnchor },
          content: [],
        },
      ],
      // Links that leave the site open safely and carry a small marker (drawn by CSS).
      [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'], properties: { className: ['external-link'] }, protocols: ['http', 'https'] }],
      [rehypeScrollableTables, { label: zhCN.tableLabel }],
      [rehypeAlerts, { labels: zhCN.alerts }],
      rehypeInlineCode,
      await rehypeHighlightCode(),
    ],
  });
}
