import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DataStore, Loader, LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlApart, noteContent } from '../../src/corpus/note-html';

type Entry = Parameters<DataStore['set']>[0];

/** The part of Astro's DataStore a loader uses, over a Map. */
function memoryStore(): DataStore & { entries: () => [string, Entry][] } {
  const map = new Map<string, Entry>();
  return {
    get: (id: string) => map.get(id),
    entries: () => [...map.entries()],
    values: () => [...map.values()],
    keys: () => [...map.keys()],
    set: (entry: Entry) => (map.set(entry.id, entry), true),
    delete: (id: string) => void map.delete(id),
    clear: () => map.clear(),
    has: (id: string) => map.has(id),
    addAssetImport: () => {},
    addAssetImports: () => {},
    addModuleImport: () => {},
  } as unknown as DataStore & { entries: () => [string, Entry][] };
}

/** Like Astro's glob loader: renders what is new or changed, keeps what is cached. */
function fakeGlob(notes: Record<string, string>, renders: string[]): Loader {
  return {
    name: 'fake-glob',
    load: async ({ store }) => {
      for (const [id, html] of Object.entries(notes)) {
        const digest = Buffer.from(html).toString('base64');
        if (store.get(id)?.digest === digest) continue;
        renders.push(id);
        store.set({ id, data: {}, digest, rendered: { html, metadata: { headings: [{ depth: 2, slug: 'a', text: 'A' }] } } });
      }
      for (const id of store.keys()) if (!(id in notes)) store.delete(id);
    },
  };
}

describe('a rendered note keeps its HTML in a file beside the content cache', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-kb-note-html-'));
  const cacheDir = pathToFileURL(`${tmp}/cache/`);
  const htmlDir = path.join(tmp, 'cache', 'notes-html');
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const context = (store: DataStore, dev = false) => ({ store, config: { cacheDir }, ...(dev ? { watcher: {} } : {}) }) as unknown as LoaderContext;

  it('stores only the file, and the page reads the same HTML and headings back', async () => {
    const store = memoryStore();
    await htmlApart(fakeGlob({ 'kafka/a': '<p>分区</p>' }, [])).load(context(store));
    const entry = store.get('kafka/a')!;
    expect(entry.rendered?.html).toBe('');
    expect(JSON.stringify(entry)).not.toContain('分区');
    expect(noteContent(entry)).toEqual({ html: '<p>分区</p>', headings: [{ depth: 2, slug: 'a', text: 'A' }] });
    expect(fs.readdirSync(htmlDir)).toHaveLength(1);
  });

  it('renders again a cached note whose file has gone, and the build removes files no note uses', async () => {
    const store = memoryStore();
    const renders: string[] = [];
    await htmlApart(fakeGlob({ 'kafka/a': '<p>一</p>', 'kafka/b': '<p>二</p>' }, renders)).load(context(store));
    fs.rmSync(store.get('kafka/a')!.rendered!.metadata!['htmlFile'] as string);
    await htmlApart(fakeGlob({ 'kafka/a': '<p>一</p>', 'kafka/b': '<p>二，改过</p>' }, renders)).load(context(store));
    expect(renders).toEqual(['kafka/a', 'kafka/b', 'kafka/a', 'kafka/b']);
    expect(noteContent(store.get('kafka/a')!).html).toBe('<p>一</p>');
    const left = fs.readdirSync(htmlDir).map((name) => fs.readFileSync(path.join(htmlDir, name), 'utf8')).sort();
    expect(left).toEqual(['<p>一</p>', '<p>二，改过</p>']);
  });

  it('in astro dev leaves other files alone (another dev server may use them)', async () => {
    const other = path.join(htmlDir, 'other.html');
    fs.writeFileSync(other, '<p>别处</p>');
    await htmlApart(fakeGlob({ 'kafka/c': '<p>三</p>' }, [])).load(context(memoryStore(), true));
    expect(fs.existsSync(other)).toBe(true);
  });

  it('a missing file stops the page with a message naming the note', () => {
    const entry = { id: 'kafka/gone', filePath: 'content/notes/kafka/gone.md', rendered: { html: '', metadata: { htmlFile: path.join(htmlDir, 'nope.html') } } };
    expect(() => noteContent(entry)).toThrow(/content\/notes\/kafka\/gone\.md.*build again/);
  });
});
