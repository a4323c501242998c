import fs from 'node:fs';
import type { Definition, Link, LinkReference, Root } from 'mdast';
import type {} from 'mdast-util-to-hast'; // adds hProperties to mdast node data
import { definitions } from 'mdast-util-definitions';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { corpusModel, type CorpusOptions } from '../../corpus/cache';
import { linkTarget, urlTarget, type WrittenTarget } from '../../corpus/links';
import type { Corpus } from '../../corpus/model';
import { noteIdFromPath, type NoteId } from '../../corpus/note-id';
import { resolveLink } from '../../corpus/resolve';
import { wikilinkOf } from '../../corpus/wikilinks';
import { notePath } from '../../lib/paths';

export interface NoteLinkOptions extends CorpusOptions {
  base: string;
}

/**
 * Rewrites links between notes (`./replication.md#isr`, `[[replication#ISR]]`, and reference-style
 * `[副本][r]` with `[r]: ./replication.md`) to the target's site URL with the base path and the
 * heading slug. Broken links are left as written: the content check stops the build on them first.
 */
export function remarkNoteLinks(options: NoteLinkOptions) {
  return (tree: Root, file: VFile) => {
    const { corpus } = corpusModel(options);
    const fromId = file.path ? noteIdFromPath(options.notesDir, file.path) : undefined;
    if (!fromId) return;
    const rewrite = (written: WrittenTarget) => noteUrl(corpus, fromId, written, options);
    const definitionOf = definitions(tree);
    visit(tree, (node) => {
      if (node.type === 'link') rewriteLink(node, rewrite, corpus);
      else if (node.type === 'definition') rewriteDefinition(node, rewrite);
      else if (node.type === 'linkReference') markReference(node, definitionOf(node.identifier), rewrite);
    });
  };
}

type Rewrite = (written: WrittenTarget) => { href: string; id: NoteId } | undefined;

function rewriteLink(node: Link, rewrite: Rewrite, corpus: Corpus): void {
  const written = linkTarget(node);
  const found = written && rewrite(written);
  if (!found) return;
  node.url = found.href;
  node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), 'data-note-link': found.id } };
  const wiki = wikilinkOf(node);
  if (wiki && !wiki.label) {
    const title = corpus.notes.get(found.id)?.title ?? wiki.target;
    node.children = [{ type: 'text', value: wiki.anchor ? `${title} › ${wiki.anchor}` : title }];
  }
}

/** A reference link takes its URL from the definition, so rewriting the definition rewrites every use. */
function rewriteDefinition(node: Definition, rewrite: Rewrite): void {
  const written = urlTarget(node.url);
  const found = written && rewrite(written);
  if (found) node.url = found.href;
}

function markReference(node: LinkReference, definition: Definition | undefined, rewrite: Rewrite): void {
  const written = definition && urlTarget(definition.url);
  const found = written && rewrite(written);
  if (found) node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), 'data-note-link': found.id } };
}

/** The site URL of a written link that points at a note, or undefined (external, asset, broken). */
function noteUrl(corpus: Corpus, fromId: NoteId, written: WrittenTarget, options: NoteLinkOptions): { href: string; id: NoteId } | undefined {
  if (!pointsAtNote(written)) return undefined;
  const result = resolveLink(corpus, fromId, { ...written, line: 0, context: '' }, { includeDrafts: options.includeDrafts, fileExists: fs.existsSync });
  if (!result.ok || result.kind !== 'note') return undefined;
  const samePage = result.id === fromId && written.target === '';
  const href = samePage ? '' : notePath(options.base, result.id);
  return { href: `${href}${result.anchor ? `#${result.anchor}` : ''}` || notePath(options.base, result.id), id: result.id };
}

/** Site paths (`/tags/`) and assets stay as written; notes, headings and wikilinks are rewritten. */
function pointsAtNote(link: WrittenTarget): boolean {
  return link.kind === 'wiki' || link.target === '' || (!link.target.startsWith('/') && link.target.endsWith('.md'));
}
