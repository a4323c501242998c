import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/corpus/checks/links';
import { formatProblems, type ContentProblem } from '../../src/corpus/checks/problem';
import { readCorpus } from '../../src/corpus/read';
import { removeDir, writeNotes } from '../support/content';

// Line numbers are those of the file, front matter included (the checker reports them that way).
const ONE = [
  '---', // 1
  'title: 一', // 2
  'tags: [x]', // 3
  'date: 2026-01-01', // 4
  '---', // 5
  '', // 6
  '见 [缺的笔记](./missing.md)。', // 7
  '', // 8
  '## 标题', // 9
  '', // 10
  '[坏锚点](../b/two.md#没有) 和 [好锚点](../b/two.md#存在)。', // 11
  '', // 12
  '[好的相对链接](../b/two.md) 与 [[two]]。', // 13
].join('\n');

const TWO = [
  '---', // 1
  'title: 二', // 2
  '---', // 3
  '', // 4
  '## 存在', // 5
  '', // 6
  '[[nowhere]] 出现在第 7 行。', // 7
  '', // 8
  '一个多行段落的第一行，', // 9
  '第二行有 [[a/one#不存在]]。', // 10
  '', // 11
  '![图](./missing.png)', // 12
  '', // 13
  '[本页](#不在本页)', // 14
].join('\n');

const DRAFT = ['---', 'title: 草稿', 'draft: true', '---', '', '[坏](./gone.md)'].join('\n');

describe('checkLinks + formatProblems on notes read from disk', () => {
  const dir = writeNotes({ 'a/one.md': ONE, 'b/two.md': TWO, 'c/draft.md': DRAFT });
  afterAll(() => removeDir(dir));
  const corpus = readCorpus(dir);
  const problems = checkLinks(corpus, { includeDrafts: false, fileExists: fs.existsSync });
  const one = path.join(dir, 'a', 'one.md');
  const two = path.join(dir, 'b', 'two.md');

  it('returns every broken link of every file, not just the first', () => {
    const summary = problems.map((p) => `${path.relative(dir, p.file)} ${p.target} (${p.reason})`).sort();
    expect(summary).toEqual(
      [
        'a/one.md ./missing.md (no such note)',
        'a/one.md ../b/two.md#没有 (no heading "#没有" in b/two)',
        'b/two.md [[nowhere]] (no such note)',
        'b/two.md [[a/one#不存在]] (no heading "#不存在" in a/one)',
        'b/two.md ./missing.png (no such file)',
        'b/two.md #不在本页 (no heading "#不在本页" in b/two)',
      ].sort(),
    );
  });

  it('counts front matter lines: the link on line 7 of the file reports line 7', () => {
    const missing = problems.find((p) => p.target === './missing.md');
    expect(missing).toEqual({ file: one, line: 7, target: './missing.md', reason: 'no such note' });
    expect(problems.find((p) => p.target === '../b/two.md#没有')?.line).toBe(11);
    expect(problems.find((p) => p.target === './missing.png')?.line).toBe(12);
    expect(problems.find((p) => p.target === '#不在本页')?.line).toBe(14);
  });

  it('formats each problem as file:line → target (reason), relative to cwd', () => {
    const lines = formatProblems(problems, dir).split('\n');
    expect(lines).toHaveLength(6);
    expect(lines).toContain('a/one.md:7 → ./missing.md (no such note)');
    expect(lines).toContain('a/one.md:11 → ../b/two.md#没有 (no heading "#没有" in b/two)');
    expect(lines).toContain('b/two.md:12 → ./missing.png (no such file)');
    expect(lines).toContain('b/two.md:14 → #不在本页 (no heading "#不在本页" in b/two)');
  });

  it('reports the line of a wikilink (line 7, and line 10 inside a multi-line paragraph)', () => {
    const nowhere = problems.find((p) => p.target === '[[nowhere]]');
    const anchor = problems.find((p) => p.target === '[[a/one#不存在]]');
    expect({ file: nowhere?.file, line: nowhere?.line }).toEqual({ file: two, line: 7 });
    expect({ file: anchor?.file, line: anchor?.line }).toEqual({ file: two, line: 10 });
    const lines = formatProblems(problems, dir).split('\n');
    expect(lines).toContain('b/two.md:7 → [[nowhere]] (no such note)');
    expect(lines).toContain('b/two.md:10 → [[a/one#不存在]] (no heading "#不存在" in a/one)');
  });

  it("skips a draft's own links in production and checks them when drafts are included", () => {
    expect(problems.some((p) => p.file.endsWith(path.join('c', 'draft.md')))).toBe(false);
    const dev = checkLinks(corpus, { includeDrafts: true, fileExists: fs.existsSync });
    expect(dev.filter((p) => p.file.endsWith(path.join('c', 'draft.md')))).toEqual([
      { file: path.join(dir, 'c', 'draft.md'), line: 6, target: './gone.md', reason: 'no such note' },
    ]);
    expect(dev).toHaveLength(problems.length + 1);
  });
});

describe('line numbers with CRLF line endings', () => {
  const dir = writeNotes({
    'n/crlf.md': ['---', 'title: 回车换行', 'tags: [a]', '---', '', '[坏](./nope.md)'].join('\r\n'),
  });
  afterAll(() => removeDir(dir));

  it('still reports the line of the file', () => {
    const problems = checkLinks(readCorpus(dir), { includeDrafts: false, fileExists: fs.existsSync });
    expect(problems.map((p) => `${p.line} ${p.target}`)).toEqual(['6 ./nope.md']);
  });
});

describe('formatProblems', () => {
  it('prints one line per problem with the path relative to cwd', () => {
    const problems: ContentProblem[] = [
      { file: '/repo/content/notes/kafka/replication.md', line: 42, target: './isr.md#高水位', reason: 'no heading "#高水位" in kafka/isr' },
      { file: '/repo/content/notes/jvm/heap.md', line: 3, target: '[[gc]]', reason: 'no such note' },
    ];
    expect(formatProblems(problems, '/repo')).toBe(
      [
        'content/notes/kafka/replication.md:42 → ./isr.md#高水位 (no heading "#高水位" in kafka/isr)',
        'content/notes/jvm/heap.md:3 → [[gc]] (no such note)',
      ].join('\n'),
    );
  });

  it('is empty for no problems', () => {
    expect(formatProblems([], '/repo')).toBe('');
  });
});

describe('the test fixture content', () => {
  it('has no broken links (it is the site the e2e and build tests use)', () => {
    const corpus = readCorpus(path.resolve('tests/fixtures/content/notes'));
    expect([...corpus.notes.keys()]).toEqual(
      expect.arrayContaining(['alpha/draft-note', 'alpha/gfm', 'alpha/index', 'beta/index', 'beta/links']),
    );
    expect(checkLinks(corpus, { includeDrafts: false, fileExists: fs.existsSync })).toEqual([]);
  });
});
