import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveLink } from '../../src/corpus/resolve';
import { readCorpus } from '../../src/corpus/read';

/** The real notes, checked as a corpus: what every note must have to be worth sending a colleague. */
const contentDir = path.resolve(import.meta.dirname, '../../content');
const corpus = readCorpus(path.join(contentDir, 'notes'));
const notes = [...corpus.notes.values()];
const tagIds = new Set((parse(fs.readFileSync(path.join(contentDir, 'tags.yaml'), 'utf8')) as { id: string }[]).map((t) => t.id));
const topics = (parse(fs.readFileSync(path.join(contentDir, 'topics.yaml'), 'utf8')) as { id: string }[]).map((t) => t.id);
const frontMatter = (file: string) =>
  parse(/^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(file, 'utf8'))![1]!) as { title?: string; description?: string; tags?: string[] };
const noteLinks = (id: string) =>
  corpus.notes.get(id)!.links.flatMap((link) => {
    const result = resolveLink(corpus, id, link, { includeDrafts: false, fileExists: fs.existsSync });
    return result.ok && result.kind === 'note' && result.id !== id ? [result.id] : [];
  });

describe('the knowledge base', () => {
  it('has every topic with a hub and at least two notes', () => {
    for (const topic of topics) {
      expect(corpus.notes.has(`${topic}/index`), `${topic}/index.md`).toBe(true);
      expect(notes.filter((n) => n.id.startsWith(`${topic}/`) && !n.id.endsWith('/index')).length, topic).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(notes.map((n) => [n.id, n] as const))('%s parses, has a one-sentence description and 2–5 known tags', (_, note) => {
    const data = frontMatter(note.file);
    expect(data.title?.trim()).toBeTruthy();
    expect(data.description?.trim()).toBeTruthy();
    expect(data.description).not.toMatch(/[。！？]\s*\S/);
    expect(data.tags?.length).toBeGreaterThanOrEqual(2);
    expect(data.tags?.length).toBeLessThanOrEqual(5);
    for (const tag of data.tags ?? []) expect(tagIds.has(tag.trim().toLowerCase()), tag).toBe(true);
  });

  it.each(notes.map((n) => [n.id, n] as const))('%s links to at least two other notes', (id) => {
    expect(new Set(noteLinks(id)).size).toBeGreaterThanOrEqual(2);
  });

  it.each(notes.map((n) => [n.id, n] as const))('%s declares a language on every fenced block', (_, note) => {
    for (const fence of note.fences) expect(fence.lang, `${path.relative(contentDir, note.file)}:${fence.line}`).toBeTruthy();
  });

  it.each(topics)('the %s hub links each note of its topic', (topic) => {
    const linked = new Set(noteLinks(`${topic}/index`));
    for (const note of notes.filter((n) => n.id.startsWith(`${topic}/`) && !n.id.endsWith('/index'))) {
      expect(linked.has(note.id), `${topic}/index.md → ${note.id}`).toBe(true);
    }
  });

  it('links across topics', () => {
    const crossTopic = notes.filter((n) => noteLinks(n.id).some((target) => target.split('/')[0] !== n.id.split('/')[0]));
    expect(crossTopic.length).toBeGreaterThanOrEqual(notes.length / 2);
  });
});
