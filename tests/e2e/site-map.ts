import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { isHub, topicOf } from '../../src/corpus/note-id';
import { readCorpus } from '../../src/corpus/read';
import { normalizeTagId } from '../../src/corpus/vocabulary';

/** What the real notes are, read by the corpus itself, so tests follow the notes as they grow. */
export interface NoteFile { id: string; title: string; draft: boolean; topic: string; hub: boolean; tags: string[] }

const repoRoot = path.resolve(import.meta.dirname, '../..');

export function readNotes(contentDir = 'content'): NoteFile[] {
  const corpus = readCorpus(path.join(repoRoot, contentDir, 'notes'));
  return [...corpus.notes.values()]
    .map((note) => ({ id: note.id, title: note.title, draft: note.draft, topic: topicOf(note.id), hub: isHub(note.id), tags: note.tags.map(normalizeTagId) }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function readTopics(contentDir = 'content'): { id: string; name: string }[] {
  return parse(fs.readFileSync(path.join(repoRoot, contentDir, 'topics.yaml'), 'utf8'));
}

/** Path of a note relative to the site base: `kafka/replication/`, a hub is its topic. */
export function notePath(id: string): string {
  return `${id.replace(/\/index$/, '')}/`;
}
