import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** What the real notes are, read from content/, so tests follow the corpus as it grows. */
export interface NoteFile { id: string; title: string; draft: boolean; topic: string; hub: boolean; tags: string[] }

export function readNotes(contentDir = 'content'): NoteFile[] {
  const root = path.resolve(import.meta.dirname, '../..', contentDir, 'notes');
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      const id = path.relative(root, file).split(path.sep).join('/').replace(/\.md$/, '');
      const front = parse(/^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? '') as {
        title: string;
        draft?: boolean;
        tags: string[];
      };
      const tags = front.tags.map((t) => t.trim().toLowerCase());
      return { id, title: front.title, draft: front.draft === true, topic: id.split('/')[0]!, hub: id.endsWith('/index'), tags };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function readTopics(contentDir = 'content'): { id: string; name: string }[] {
  return parse(fs.readFileSync(path.resolve(import.meta.dirname, '../..', contentDir, 'topics.yaml'), 'utf8'));
}

/** Path of a note relative to the site base: `kafka/replication/`, a hub is its topic. */
export function notePath(id: string): string {
  return `${id.replace(/\/index$/, '')}/`;
}
