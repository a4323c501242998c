import fs from 'node:fs';
import path from 'node:path';
import type { Link, Root } from 'mdast';
import type {} from 'mdast-util-to-hast'; // adds hProperties to mdast node data
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { resolveLink } from '../lib/link-resolver';
import { notePath } from '../lib/paths';
import { cachedCorpus, type CorpusOptions } from './corpus-cache';
import { wikilinkOf } from './remark-wikilinks';

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
      const wiki = wikilinkOf(node);
      let link;
      if (wiki) {
        link = { kind: 'wiki' as const, target: wiki.target, anchor: wiki.anchor, line: 0, context: '' };
      } else {
        if (/^[a-z][a-z0-9+.-]*:/i.test(node.url) || node.url.startsWith('//') || node.url.startsWith('/')) return;
        const hashAt = node.url.indexOf('#');
        const target = decodeURIComponent(hashAt === -1 ? node.url : node.url.slice(0, hashAt));
        if (target !== '' && !target.endsWith('.md')) return; // assets stay as written
        const anchor = hashAt === -1 ? undefined : decodeURIComponent(node.url.slice(hashAt + 1));
        link = { kind: 'relative' as const, target, anchor, line: 0, context: '' };
      }
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

function noteIdOf(notesDir: string, filePath: string | undefined): string | undefined {
  if (!filePath) return undefined;
  const relative = path.relative(notesDir, filePath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/').replace(/\.md$/, '');
}
