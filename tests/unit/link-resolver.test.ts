import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveLink, resolveWikiName, type ResolveOptions } from '../../src/corpus/resolve';
import type { Corpus, CorpusLink, CorpusNote } from '../../src/corpus/model';
import { readCorpus } from '../../src/corpus/read';
import { asNoteId, type NoteId } from '../../src/corpus/note-id';
import { frontMatter, removeDir, writeNotes } from '../support/content';

const NOTES = path.resolve('/srv/kb/notes');

function note(id: string, slugs: string[] = [], draft = false): CorpusNote {
  return { id: asNoteId(id), file: path.join(NOTES, `${id}.md`), title: id, draft, tags: [], date: undefined, updated: undefined, frontMatter: { data: {}, fieldLines: {} }, slugs: new Set(slugs), links: [], fences: [], html: [], excerpt: '' };
}

const notes = new Map(
    [
      note('kafka/index'),
      note('kafka/replication', ['概述', 'isr-与高水位', '概述-1']),
      note('kafka/deep/log', ['段文件']),
      note('jvm/heap', ['堆', 'anchor']),
      note('jvm/replication'),
      note('jvm/gc', ['g1']),
      note('drafts/wip', ['进行中'], true),
    ].map((n) => [n.id, n]),
);
const corpus: Corpus = { notesDir: NOTES, notes, byName: byName(notes.keys()), readProblems: [] };

function byName(ids: Iterable<string>): Map<string, NoteId[]> {
  const index = new Map<string, NoteId[]>();
  for (const id of ids) index.set(id.split('/').pop()!, [...(index.get(id.split('/').pop()!) ?? []), asNoteId(id)]);
  return index;
}

const published: ResolveOptions = { includeDrafts: false, fileExists: () => true };
const withDrafts: ResolveOptions = { includeDrafts: true, fileExists: () => true };

function rel(target: string, anchor?: string): CorpusLink {
  return { kind: 'relative', target, anchor, line: 1, context: '' };
}
function wiki(target: string, anchor?: string): CorpusLink {
  return { kind: 'wiki', target, anchor, line: 1, context: '' };
}

describe('resolveLink: relative Markdown links', () => {
  it('resolves ./b.md next to the linking note', () => {
    expect(resolveLink(corpus, 'kafka/index', rel('./replication.md'), published)).toEqual({
      ok: true,
      kind: 'note',
      id: 'kafka/replication',
      anchor: undefined,
    });
  });

  it('resolves b.md without ./ and a link into a sub-folder', () => {
    expect(resolveLink(corpus, 'kafka/index', rel('replication.md'), published)).toMatchObject({ ok: true, id: 'kafka/replication' });
    expect(resolveLink(corpus, 'kafka/index', rel('deep/log.md', '段文件'), published)).toEqual({
      ok: true,
      kind: 'note',
      id: 'kafka/deep/log',
      anchor: '段文件',
    });
  });

  it('resolves ../other/c.md#anchor to the id and the anchor', () => {
    expect(resolveLink(corpus, 'kafka/replication', rel('../jvm/heap.md', 'anchor'), published)).toEqual({
      ok: true,
      kind: 'note',
      id: 'jvm/heap',
      anchor: 'anchor',
    });
    expect(resolveLink(corpus, 'kafka/deep/log', rel('../../jvm/heap.md', '堆'), published)).toEqual({
      ok: true,
      kind: 'note',
      id: 'jvm/heap',
      anchor: '堆',
    });
  });

  it('slugs an anchor written as heading text: #ISR 与高水位 → isr-与高水位', () => {
    expect(resolveLink(corpus, 'kafka/index', rel('./replication.md', 'ISR 与高水位'), published)).toEqual({
      ok: true,
      kind: 'note',
      id: 'kafka/replication',
      anchor: 'isr-与高水位',
    });
  });

  it('keeps an anchor already written as the slug, including a duplicate-heading slug', () => {
    expect(resolveLink(corpus, 'kafka/index', rel('./replication.md', 'isr-与高水位'), published)).toMatchObject({
      anchor: 'isr-与高水位',
    });
    expect(resolveLink(corpus, 'kafka/index', rel('./replication.md', '概述-1'), published)).toMatchObject({
      ok: true,
      anchor: '概述-1',
    });
  });

  it('an empty anchor (`./b.md#`) is a link to the note itself', () => {
    expect(resolveLink(corpus, 'kafka/index', rel('./replication.md', ''), published)).toEqual({
      ok: true,
      kind: 'note',
      id: 'kafka/replication',
      anchor: undefined,
    });
  });

  it('a missing note → "no such note"', () => {
    expect(resolveLink(corpus, 'kafka/index', rel('./nope.md'), published)).toEqual({ ok: false, reason: 'no such note' });
    expect(resolveLink(corpus, 'kafka/index', rel('../jvm/nope.md', '堆'), published)).toEqual({
      ok: false,
      reason: 'no such note',
    });
  });

  it('a missing heading → the reason names the heading and the note', () => {
    const result = resolveLink(corpus, 'kafka/index', rel('./replication.md', '不存在的标题'), published);
    expect(result).toEqual({ ok: false, reason: 'no heading "#不存在的标题" in kafka/replication' });
  });

  it('a link that climbs out of the notes folder is refused', () => {
    expect(resolveLink(corpus, 'kafka/index', rel('../../outside.md'), published)).toEqual({
      ok: false,
      reason: 'points outside the notes folder',
    });
    expect(resolveLink(corpus, 'kafka/deep/log', rel('../../../etc/passwd.md'), published)).toEqual({
      ok: false,
      reason: 'points outside the notes folder',
    });
  });

  it('a pure #anchor resolves against the linking note itself', () => {
    expect(resolveLink(corpus, 'kafka/replication', rel('', '概述'), published)).toEqual({
      ok: true,
      kind: 'note',
      id: 'kafka/replication',
      anchor: '概述',
    });
    expect(resolveLink(corpus, 'kafka/replication', rel('', 'ISR 与高水位'), published)).toMatchObject({
      ok: true,
      id: 'kafka/replication',
      anchor: 'isr-与高水位',
    });
    // The same anchor from another note is not there.
    expect(resolveLink(corpus, 'jvm/heap', rel('', '概述'), published)).toEqual({
      ok: false,
      reason: 'no heading "#概述" in jvm/heap',
    });
  });
});

describe('resolveLink: wikilinks', () => {
  it('resolves a unique file name anywhere in the notes', () => {
    expect(resolveLink(corpus, 'kafka/index', wiki('gc'), published)).toEqual({
      ok: true,
      kind: 'note',
      id: 'jvm/gc',
      anchor: undefined,
    });
    expect(resolveLink(corpus, 'kafka/index', wiki('gc.md'), published)).toMatchObject({ ok: true, id: 'jvm/gc' });
  });

  it('resolves a path like kafka/replication, with a heading-text anchor', () => {
    expect(resolveLink(corpus, 'jvm/gc', wiki('kafka/replication'), published)).toMatchObject({
      ok: true,
      id: 'kafka/replication',
    });
    expect(resolveLink(corpus, 'jvm/gc', wiki('kafka/replication', 'ISR 与高水位'), published)).toEqual({
      ok: true,
      kind: 'note',
      id: 'kafka/replication',
      anchor: 'isr-与高水位',
    });
  });

  it('an ambiguous name lists BOTH candidates', () => {
    const result = resolveLink(corpus, 'jvm/gc', wiki('replication'), published);
    expect(result.ok).toBe(false);
    const reason = (result as { reason: string }).reason;
    expect(reason).toContain('ambiguous');
    expect(reason).toContain('[[kafka/replication]]');
    expect(reason).toContain('[[jvm/replication]]');
    expect(resolveWikiName(corpus, 'replication')).toEqual({
      reason: 'ambiguous name, could be: [[kafka/replication]], [[jvm/replication]]',
    });
  });

  it('an unknown name or path → "no such note"', () => {
    expect(resolveLink(corpus, 'jvm/gc', wiki('nothing'), published)).toEqual({ ok: false, reason: 'no such note' });
    expect(resolveLink(corpus, 'jvm/gc', wiki('kafka/nothing'), published)).toEqual({ ok: false, reason: 'no such note' });
  });

  it('a wikilink to a missing heading names the heading', () => {
    expect(resolveLink(corpus, 'kafka/index', wiki('gc', 'ZGC'), published)).toEqual({
      ok: false,
      reason: 'no heading "#ZGC" in jvm/gc',
    });
  });
});

describe('resolveLink: drafts', () => {
  it('a link to a draft is broken when drafts are not published', () => {
    expect(resolveLink(corpus, 'kafka/index', rel('../drafts/wip.md'), published)).toEqual({
      ok: false,
      reason: 'links to a draft, which is not published',
    });
    expect(resolveLink(corpus, 'kafka/index', wiki('wip'), published)).toEqual({
      ok: false,
      reason: 'links to a draft, which is not published',
    });
  });

  it('a link to a draft is fine when drafts are included (dev)', () => {
    expect(resolveLink(corpus, 'kafka/index', rel('../drafts/wip.md', '进行中'), withDrafts)).toEqual({
      ok: true,
      kind: 'note',
      id: 'drafts/wip',
      anchor: '进行中',
    });
    expect(resolveLink(corpus, 'kafka/index', wiki('wip'), withDrafts)).toMatchObject({ ok: true, id: 'drafts/wip' });
  });
});

describe('resolveLink: assets', () => {
  it('an image that is not on disk → "no such file", checked at the path next to the note', () => {
    const asked: string[] = [];
    const options: ResolveOptions = {
      includeDrafts: false,
      fileExists: (file) => {
        asked.push(file);
        return false;
      },
    };
    const link: CorpusLink = { kind: 'asset', target: './img/isr.png', anchor: undefined, line: 3, context: '' };
    expect(resolveLink(corpus, 'kafka/replication', link, options)).toEqual({ ok: false, reason: 'no such file' });
    expect(asked).toEqual([path.join(NOTES, 'kafka', 'img', 'isr.png')]);
  });

  it('an image that exists is an asset', () => {
    const link: CorpusLink = { kind: 'asset', target: '../shared/a.svg', anchor: undefined, line: 3, context: '' };
    const options: ResolveOptions = { includeDrafts: false, fileExists: (file) => file === path.join(NOTES, 'shared', 'a.svg') };
    expect(resolveLink(corpus, 'kafka/replication', link, options)).toEqual({ ok: true, kind: 'asset' });
  });

  it('a relative link to an image is checked as a file', () => {
    const missing: ResolveOptions = { includeDrafts: false, fileExists: () => false };
    expect(resolveLink(corpus, 'jvm/heap', rel('./dump.png'), missing)).toEqual({ ok: false, reason: 'no such file' });
    expect(resolveLink(corpus, 'jvm/heap', rel('./dump.png'), published)).toEqual({ ok: true, kind: 'asset' });
  });

  it('a link to a file that is not published with the notes, or outside the notes folder, is broken', () => {
    expect(resolveLink(corpus, 'jvm/heap', rel('./files/a.pdf'), published)).toMatchObject({ ok: false, reason: expect.stringMatching(/^not published: only images/) });
    expect(resolveLink(corpus, 'jvm/heap', rel('../../../../etc/passwd'), published)).toEqual({ ok: false, reason: 'points outside the notes folder' });
    expect(resolveLink(corpus, 'jvm/heap', { ...rel('../../../../etc/x.png'), kind: 'asset' }, published)).toEqual({ ok: false, reason: 'points outside the notes folder' });
  });

  it('a site-absolute asset path is left to the site', () => {
    const link: CorpusLink = { kind: 'asset', target: '/favicon.svg', anchor: undefined, line: 1, context: '' };
    expect(resolveLink(corpus, 'jvm/heap', link, { includeDrafts: false, fileExists: () => false })).toEqual({
      ok: true,
      kind: 'site',
    });
  });
});

describe('resolveLink over notes read from disk', () => {
  const dir = writeNotes({
    'kafka/replication.md': `${frontMatter('副本')}\n## 概述\n\n## ISR 与高水位\n\n## 概述\n`,
    'kafka/index.md': `${frontMatter('Kafka')}\n见 [ISR](<./replication.md#ISR 与高水位>)。\n`,
    'jvm/heap.md': `${frontMatter('堆')}\n见 [[replication#概述]]，![图](./heap.png)\n`,
  });
  afterAll(() => removeDir(dir));
  const disk = readCorpus(dir);

  it('reads ids from paths and resolves a heading-text anchor and a duplicate heading', () => {
    expect([...disk.notes.keys()].sort()).toEqual(['jvm/heap', 'kafka/index', 'kafka/replication']);
    expect(resolveLink(disk, 'jvm/heap', rel('../kafka/replication.md', 'ISR 与高水位'), published)).toMatchObject({
      ok: true,
      id: 'kafka/replication',
      anchor: 'isr-与高水位',
    });
    expect(resolveLink(disk, 'jvm/heap', rel('../kafka/replication.md', '概述-1'), published)).toMatchObject({
      ok: true,
      anchor: '概述-1',
    });
  });

  it('a link written as <./b.md#Heading text> is read and resolves to the slug', () => {
    const links = disk.notes.get('kafka/index')?.links ?? [];
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ kind: 'relative', target: './replication.md', anchor: 'ISR 与高水位' });
    expect(resolveLink(disk, 'kafka/index', links[0]!, published)).toEqual({
      ok: true,
      kind: 'note',
      id: 'kafka/replication',
      anchor: 'isr-与高水位',
    });
  });

  it('checks an image against the real file next to the note', () => {
    const image = disk.notes.get('jvm/heap')?.links.find((l) => l.kind === 'asset');
    expect(image?.target).toBe('./heap.png');
    const exists = (file: string) => file === path.join(dir, 'jvm', 'heap.png');
    expect(resolveLink(disk, 'jvm/heap', image!, { includeDrafts: false, fileExists: exists })).toEqual({ ok: true, kind: 'asset' });
    expect(resolveLink(disk, 'jvm/heap', image!, { includeDrafts: false, fileExists: () => false })).toEqual({
      ok: false,
      reason: 'no such file',
    });
  });
});
