import { describe, expect, it } from 'vitest';
import { buildSearchIndex, type SourcePage } from '../../src/integrations/search/build-index';
import { notePassages, packPassages } from '../../src/integrations/search/extract';
import { foldTable } from '../../src/integrations/search/folding';
import { pagesFromColumns, type SearchMetaFile, type TermShard, type TextFile } from '../../src/lib/search/format';

describe('notePassages', () => {
  it('starts with description and title, gives each section its heading’s id, and leaves out the page chrome', () => {
    const html = [
      '<p>引言<sup><a href="#fn-1" data-footnote-ref>1</a></sup>。</p>',
      '<h2 id="配置">配置<a class="heading-anchor" aria-label="本节链接" href="#配置"></a></h2>',
      '<div class="code-block"><div class="code-header"><span data-search-ignore>已验证：bash -n</span><button hidden>复制</button></div><pre><code>Restart=always</code></pre></div>',
      '<h2 class="sr-only" id="footnote-label">脚注</h2>',
    ].join('\n');
    const passages = notePassages('标题', '说明。', html);
    expect(passages[0]).toEqual({ anchor: '', text: '说明。\n标题' });
    expect(passages[1]).toEqual({ anchor: '', text: '引言。' });
    expect(passages[2]).toEqual({ anchor: '配置', text: '配置\nRestart=always' });
    expect(passages.map((p) => p.text).join('\n')).not.toMatch(/已验证|复制|脚注/);
  });

  it('cuts a long section between blocks, keeping its anchor', () => {
    const paragraph = `<p>${'字'.repeat(300)}</p>`;
    const passages = notePassages('t', 'd', `<h2 id="长">长</h2>${paragraph.repeat(4)}`);
    expect(passages.length).toBeGreaterThan(2);
    expect(passages.slice(1).every((p) => p.anchor === '长')).toBe(true);
  });

  it('packs consecutive passages into files of about the given size', () => {
    const passages = Array.from({ length: 5 }, (_, i) => ({ anchor: '', text: 'x'.repeat(i === 4 ? 900 : 400) }));
    expect(packPassages(passages, 1000).map((pack) => pack.length)).toEqual([2, 2, 1]);
  });
});

const source = (path: string, title: string, html: string): SourcePage => ({ path, title, description: '说明。', topic: '专题', tags: ['标签'], html });

describe('buildSearchIndex', () => {
  const pages = [
    source('a/one/', '分区存储', '<p>分区与副本。RestartSec=5s 和 Restart=always。</p>'),
    source('a/', '导读', '<p>内存与线程。</p>'),
  ];
  const { meta, files } = buildSearchIndex(pages, { synonyms: [['挂了', '崩溃']], foldTable, shardChars: 200 });

  it('writes search-index.json and versioned term, text and fold files', () => {
    const written = JSON.parse(files.get('search-index.json')!) as SearchMetaFile;
    // The pages are written as columns, one array per field.
    expect(written.pages.path).toEqual(['a/one/', 'a/']);
    expect({ ...written, pages: pagesFromColumns(written.pages) }).toEqual(meta);
    expect(meta.version).toMatch(/^[0-9a-f]{12}$/);
    expect([...files.keys()].filter((path) => path !== 'search-index.json').every((path) => path.startsWith(`search-index/${meta.version}/`))).toBe(true);
    expect(meta.pages.map((page) => page.path)).toEqual(['a/one/', 'a/']);
    expect(meta.synonyms).toEqual([['挂了', '崩溃']]);
  });

  it('cuts sorted terms into contiguous files, each starting where meta says', () => {
    const shards = meta.shards.map((_, i) => JSON.parse(files.get(`search-index/${meta.version}/terms/${i}.json`)!) as TermShard);
    expect(shards.length).toBeGreaterThan(1);
    const terms = shards.flatMap((shard) => Object.keys(shard));
    expect(terms).toEqual([...terms].sort());
    shards.forEach((shard, i) => expect(Object.keys(shard)[0]).toBe(meta.shards[i]));
    expect(terms).toEqual(expect.arrayContaining(['分区', 'restart=always', 'restartsec=5s']));
  });

  it('packs short notes together into text files, each starting at the pack meta says, none split', () => {
    const many = Array.from({ length: 40 }, (_, i) => source(`t/n${i}/`, `笔记${i}`, `<p>${'短文'.repeat(100 + i)}</p>`));
    const built = buildSearchIndex(many, { synonyms: [], foldTable });
    const texts = built.meta.texts.map((_, i) => JSON.parse(built.files.get(`search-index/${built.meta.version}/text/${i}.json`)!) as TextFile);
    const packs = built.meta.pages.flatMap((page) => page.packs);
    // Every pack is in exactly one file, in order, and the files are far fewer than the notes.
    expect(texts.flat().map((pack) => pack.length)).toEqual(packs);
    expect(texts.length).toBeLessThan(many.length / 2);
    let first = 0;
    texts.forEach((text, i) => {
      expect(built.meta.texts[i]).toBe(first);
      first += text.length;
    });
    expect(texts.flat(2).map((passage) => passage.text)).toContain(`说明。\n笔记7`);
  });

  it('past the most text files an index may have, makes the files larger instead, still whole packs in order', () => {
    const many = Array.from({ length: 40 }, (_, i) => source(`t/n${i}/`, `笔记${i}`, `<p>${'短文'.repeat(100 + i)}</p>`.repeat(8)));
    const uncapped = buildSearchIndex(many, { synonyms: [], foldTable });
    const capped = buildSearchIndex(many, { synonyms: [], foldTable, textFilesMax: 7 });
    expect(uncapped.meta.texts.length).toBeGreaterThan(7);
    expect(capped.meta.texts.length).toBeLessThanOrEqual(7);
    expect(capped.meta.texts.length).toBeGreaterThan(4);
    const texts = capped.meta.texts.map((_, i) => JSON.parse(capped.files.get(`search-index/${capped.meta.version}/text/${i}.json`)!) as TextFile);
    expect(texts.flat()).toEqual(uncapped.meta.texts.flatMap((_, i) => JSON.parse(uncapped.files.get(`search-index/${uncapped.meta.version}/text/${i}.json`)!) as TextFile));
    expect(capped.meta.pages).toEqual(uncapped.meta.pages);
  });

  it('changes the version when a note changes', () => {
    const changed = buildSearchIndex([pages[0]!, source('a/', '导读', '<p>内存与进程。</p>')], { synonyms: [], foldTable });
    expect(changed.meta.version).not.toBe(meta.version);
  });
});

describe('foldTable', () => {
  const corpus = (text: string) => ({
    hasChar: (char: string) => text.includes(char),
    hasTerm: (term: string) => text.includes(term),
  });

  it('folds Taiwan phrases to the words the notes use (記憶體 → 内存, 執行緒 → 线程)', () => {
    const table = new Map(foldTable(corpus('内存溢出、线程栈、负载均衡与进程守护')));
    expect(table.get('記憶體')).toBe('内存');
    expect(table.get('執行緒')).toBe('线程');
    for (const [traditional, simplified] of [['負', '负'], ['載', '载'], ['進', '进'], ['護', '护']] as const) expect(table.get(traditional)).toBe(simplified);
  });

  it('keeps only characters and phrases that can find something in the notes', () => {
    const table = foldTable(corpus('内存'));
    expect(table.length).toBeLessThan(20);
    expect(new Map(table).get('執行緒')).toBeUndefined();
    expect(new Map(table).get('進')).toBeUndefined();
  });
});
