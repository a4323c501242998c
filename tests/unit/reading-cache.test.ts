import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Corpus } from '../../src/corpus/model';
import { dropTrees, takeTree } from '../../src/corpus/parsed-trees';
import { readCorpus } from '../../src/corpus/read';

/** Everything the corpus says about each note, with sets as sorted lists. */
const snapshot = (corpus: Corpus) =>
  JSON.parse(JSON.stringify([...corpus.notes.values()], (_, value: unknown) => (value instanceof Set ? [...value].sort() : value)));

/** The text the render is handed (parsed-trees.ts is keyed by it). */
const rendered = (file: string) => parseFrontmatter(fs.readFileSync(file, 'utf8'), { frontmatter: 'empty-with-spaces' }).content.trim();

describe('the reading cache: a rebuild parses only the notes that changed', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-kb-reading-cache-'));
  const notesDir = path.join(tmp, 'notes');
  fs.cpSync(path.resolve('content/notes'), notesDir, { recursive: true });
  const cacheFile = path.join(tmp, 'cache', 'notes-reading.json');
  const uncached = snapshot(readCorpus(notesDir));
  afterEach(() => dropTrees());
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('gives exactly what a fresh reading gives, links, fences, slugs and excerpts included', () => {
    expect(snapshot(readCorpus(notesDir, { cacheFile }))).toEqual(uncached);
    expect(fs.existsSync(cacheFile)).toBe(true);
    expect(snapshot(readCorpus(notesDir, { cacheFile }))).toEqual(uncached);
  });

  it('parses no unchanged note and only the edited one, whose new link it reads', () => {
    readCorpus(notesDir, { cacheFile });
    const edited = path.join(notesDir, 'kafka', 'replication.md');
    const untouched = path.join(notesDir, 'jvm', 'gc-basics.md');
    fs.appendFileSync(edited, '\n另见 [[gc-basics]]。\n');
    const corpus = readCorpus(notesDir, { cacheFile, leaveTreesForRender: true });
    expect(corpus.notes.get('kafka/replication')?.links.map((link) => link.target)).toContain('gc-basics');
    expect(takeTree(rendered(untouched))).toBeUndefined();
    expect(takeTree(rendered(edited))).toBeDefined();
  });

  it('ignores a cache written by other reading code', () => {
    const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { version: string; values: Record<string, { excerpt: string }> };
    for (const reading of Object.values(cached.values)) reading.excerpt = 'stale';
    fs.writeFileSync(cacheFile, JSON.stringify({ ...cached, version: 'older' }));
    expect(snapshot(readCorpus(notesDir, { cacheFile })).some((note: { excerpt: string }) => note.excerpt === 'stale')).toBe(false);
  });
});
