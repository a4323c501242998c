import path from 'node:path';

/**
 * A note's identity: its path under `notes/` without `.md`, with `/` separators (`kafka/replication`).
 * It is also the page's URL path. Branded so a file path or a URL cannot pass for one: only
 * `noteIdFromPath` (and `asNoteId` for ids already known to be ids) make them.
 */
export type NoteId = string & { readonly __brand: 'NoteId' };

export function asNoteId(id: string): NoteId {
  return id as NoteId;
}

/** `<notesDir>/kafka/replication.md` → `kafka/replication`; undefined for a file outside the folder. */
export function noteIdFromPath(notesDir: string, file: string): NoteId | undefined {
  const relative = path.relative(notesDir, file);
  if (relative.startsWith('..') || path.isAbsolute(relative) || !relative.endsWith('.md')) return undefined;
  return asNoteId(relative.split(path.sep).join('/').slice(0, -'.md'.length));
}

/** `kafka/replication` → `kafka`. A topic is the note's folder. */
export function topicOf(id: string): string {
  return id.split('/')[0] ?? id;
}

/** A topic's hub is its `index.md`. */
export function isHub(id: string): boolean {
  return id.endsWith('/index');
}
