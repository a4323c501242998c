import fs from 'node:fs';
import path from 'node:path';
import type { Link, Root } from 'mdast';
import type {} from 'mdast-util-to-hast'; // adds hProperties to mdast node data
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { resolveLink } from '../../corpus/resolve';
import { notePath } from '../../lib/paths';
import { cachedCorpus, type CorpusOptions } from '../../corpus/cache';
import { linkTarget } from '../../corpus/link-target';
import { wikilinkOf } from '../../corpus/wikilinks';

export interface NoteLinkOptions extends CorpusOptions {
  base: string;
}

/**
 * Rewrites links between notes (`./replication.md#isr`, `[[replication#ISR]]`) to the target's
 * site URL with the base path and the heading slug. Broken links are left as written here: the link-check integration stops the build on them first.
 */
export function remarkNoteLinks(options: NoteLinkOptions) {
  return (tree: Root, file: VFile) => {
    const corpus = cachedCorpus(options);
    const fromId = noteIdOf(options.notesDir, file.path);
    if (!fromId) return;
    visit(tree, 'link', (node: Link) => {
      const written = linkTarget(node);
      if (!written || !pointsAtNote(written)) return;
      const wiki = wikilinkOf(node);
      const link = { ...written, line: 0, context: '' };
      const result = resolveLink(corpus, fromId, link, { includeDrafts: options.includeDrafts, fileExists: fs.existsSync });
      if (!result.ok || result.kind !== 'note') return;
      const samePage = result.id === fromId && link.target === '';
      const href = samePage ? '' : notePath(options.base, result.id);
      node.url = `${href}${result.anchor ? `#${result.anchor}` : ''}` || notePath(options.base, result.id);
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), 'data-note-link': result.id } };
      if (wiki && !wiki.label) {
        const title = corpus.notes.get(result.id)?.title ?? wiki.target;
        node.children = [{ type: 'text', value: wiki.anchor ? `${title} › ${wiki.anchor}` : title }];
      }
    });
  };
}

/** Site paths (`/tags/`) and assets stay as written; notes, headings and wikilinks are rewritten. */
function pointsAtNote(link: { kind: string; target: string }): boolean {
  return link.kind === 'wiki' || link.target === '' || (!link.target.startsWith('/') && link.target.endsWith('.md'));
}

function noteIdOf(notesDir: string, filePath: string | undefined): string | undefined {
  if (!filePath) return undefined;
  const relative = path.relative(notesDir, filePath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/').replace(/\.md$/, '');
}
