import path from 'node:path';
import Slugger from 'github-slugger';
import type { Corpus, CorpusLink } from './model';
import { asNoteId, type NoteId } from './note-id';

export type Resolution =
  | { ok: true; kind: 'note'; id: NoteId; anchor: string | undefined }
  | { ok: true; kind: 'asset' | 'site' }
  | { ok: false; reason: string };

export interface ResolveOptions {
  /** Drafts are not published, so a link to one is broken in production. */
  includeDrafts: boolean;
  fileExists: (absolutePath: string) => boolean;
}

/** Resolves one link written in note `fromId` to a note (and heading) or an asset, or says why not. */
export function resolveLink(corpus: Corpus, fromId: string, link: CorpusLink, options: ResolveOptions): Resolution {
  if (link.kind === 'asset' || (link.kind === 'relative' && link.target !== '' && !link.target.endsWith('.md'))) {
    if (link.target.startsWith('/')) return { ok: true, kind: 'site' };
    return resolveAsset(corpus, fromId, link.target, options);
  }

  const target = link.kind === 'wiki' ? resolveWikiName(corpus, link.target) : resolveRelative(fromId, link.target);
  if ('reason' in target) return { ok: false, reason: target.reason };
  const note = corpus.notes.get(target.id);
  if (!note) return { ok: false, reason: 'no such note' };
  if (note.draft && !options.includeDrafts) return { ok: false, reason: 'links to a draft, which is not published' };
  if (link.anchor === undefined || link.anchor === '') return { ok: true, kind: 'note', id: note.id, anchor: undefined };

  // Authors may write the rendered slug (`#isr-与高水位`) or the heading text (`#ISR 与高水位`).
  const anchor = note.slugs.has(link.anchor) ? link.anchor : new Slugger().slug(link.anchor);
  if (!note.slugs.has(anchor)) return { ok: false, reason: `no heading "#${link.anchor}" in ${note.id}` };
  return { ok: true, kind: 'note', id: note.id, anchor };
}

/** Images beside the notes are published with them (Astro's image pipeline); other files are not. */
const PUBLISHED_ASSET = /\.(?:png|jpe?g|gif|webp|avif|svg)$/i;

function resolveAsset(corpus: Corpus, fromId: string, target: string, options: ResolveOptions): Resolution {
  const from = corpus.notes.get(fromId);
  const file = path.resolve(path.dirname(from?.file ?? corpus.notesDir), target);
  const inside = path.relative(corpus.notesDir, file);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return { ok: false, reason: 'points outside the notes folder' };
  if (!PUBLISHED_ASSET.test(file)) {
    return { ok: false, reason: 'not published: only images are copied with the notes; put other files in public/ and link them as /name' };
  }
  return options.fileExists(file) ? { ok: true, kind: 'asset' } : { ok: false, reason: 'no such file' };
}

function resolveRelative(fromId: string, target: string): { id: NoteId } | { reason: string } {
  if (target === '') return { id: asNoteId(fromId) };
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(fromId), target));
  if (joined.startsWith('..')) return { reason: 'points outside the notes folder' };
  return { id: asNoteId(joined.replace(/\.md$/, '')) };
}

/** `[[kafka/replication]]` is a path; `[[replication]]` is a file name that must be unique. */
export function resolveWikiName(corpus: Corpus, name: string): { id: NoteId } | { reason: string } {
  const wanted = name.replace(/\.md$/, '').replace(/^\/+/, '');
  if (wanted.includes('/')) return { id: asNoteId(wanted) };
  const candidates = corpus.byName.get(wanted) ?? [];
  if (candidates.length === 1 && candidates[0]) return { id: candidates[0] };
  if (candidates.length === 0) return { reason: 'no such note' };
  return { reason: `ambiguous name, could be: ${candidates.map((id) => `[[${id}]]`).join(', ')}` };
}
