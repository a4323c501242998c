/** The checks that stop a build on bad input, each naming the file (and line where there is one). */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findContentProblems, formatContentProblems } from '../../src/corpus/checks/index';
import { readCorpus } from '../../src/corpus/read';
import { MAX_NESTING } from '../../src/corpus/source';
import { frontMatter, removeDir, validFrontMatter, writeNotes } from '../support/content';

const made: string[] = [];
afterAll(() => made.forEach(removeDir));

/** A content folder (notes/ + topics.yaml) with the given notes; returns what the checks find, formatted. */
function problemsOf(notes: Record<string, string | Buffer>, topics = ['demo']): string {
  const dir = writeNotes({ 'topics.yaml': topics.map((id, order) => `- id: ${id}\n  name: ${id}\n  description: x\n  order: ${order}`).join('\n'), 'tags.yaml': TAGS });
  made.push(dir);
  for (const [relative, text] of Object.entries(notes)) {
    const file = path.join(dir, 'notes', relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return formatContentProblems(findContentProblems(readCorpus(path.join(dir, 'notes')), false), path.join(dir, 'notes'));
}

const TAGS = '- id: links\n  name: 链接\n  description: x\n';
/** Valid front matter: the body starts on line 7. */
const ok = validFrontMatter('正常');

describe('content checks', () => {
  it('rejects a date that is not in the calendar, with its line, instead of rolling it over', () => {
    expect(problemsOf({ 'demo/a.md': `${frontMatter('日期', ['date: 2026-13-45'])}正文。\n` })).toContain('demo/a.md:3 → date: 2026-13-45 (no such day in the calendar');
    expect(problemsOf({ 'demo/a.md': `${frontMatter('日期', ['date: 2026-02-30'])}正文。\n` })).toContain('demo/a.md:3 → date: 2026-02-30');
    expect(problemsOf({ 'demo/a.md': `${frontMatter('日期', ['description: 闰日。', 'tags: [links]', 'date: 2024-02-29'])}正文。\n` })).toBe('');
  });

  it('checks front matter against the schema, naming each field at its line', () => {
    const report = problemsOf({ 'demo/a.md': '---\ntitle: ""\ndescription: 两句话。第二句。\ntags: [nope]\ndate: 2026-01-01\norder: 3\n---\n' });
    expect(report).toContain('demo/a.md:2 → title (title must not be empty)');
    expect(report).toContain('demo/a.md:3 → description (description must be one sentence)');
    expect(report).toContain('demo/a.md:4 → tags (tag "nope" is not in the tag vocabulary');
    expect(report).toContain('demo/a.md:6 → order (order is not used: the topic hub (index.md) defines the reading order');
    expect(problemsOf({ 'demo/a.md': '---\ndescription: 没有标题。\ntags: [links]\ndate: 2026-01-01\n---\n' })).toContain('demo/a.md:1 → title (title is required)');
  });

  it('names front matter that is not YAML, with its line', () => {
    expect(problemsOf({ 'demo/a.md': '---\ntitle: 好\ntags: [a, b\ndate: 2026-01-01\n---\n' })).toMatch(/demo\/a\.md:\d+ → front matter \(not valid YAML/);
  });

  it('says a GBK file is not UTF-8, and how to convert it', () => {
    const gbk = Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xc4, 0xda, 0xb4, 0xe6, 0x0a]); // "---\n内存\n" in GBK
    expect(problemsOf({ 'demo/a.md': gbk })).toContain('demo/a.md → encoding (not UTF-8 (looks like GBK; convert it: iconv -f GBK -t UTF-8');
  });

  it(`stops at nesting deeper than ${MAX_NESTING} levels before parsing`, () => {
    const deep = `${ok}${'>'.repeat(10_000)} 深\n`;
    expect(problemsOf({ 'demo/a.md': deep })).toContain('demo/a.md:7 → 10000 levels (blockquote or list nested deeper');
    const list = `${ok}${Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- ${i}`).join('\n')}\n`;
    expect(problemsOf({ 'demo/a.md': list })).toMatch(/demo\/a\.md:\d+ → 33 levels/);
  });

  it('stops at notes larger than the limit', () => {
    expect(problemsOf({ 'demo/a.md': `${ok}${'长'.repeat(200_000)}\n` })).toMatch(/demo\/a\.md → \d+ bytes \(note is larger than 512 KiB/);
  });

  it('names unsafe file names, folders that are not topics, notes outside a topic folder and symbolic links', () => {
    const report = problemsOf({ 'demo/pct%20.md': ok, 'demo/q?.md': ok, 'other/a.md': ok, 'loose.md': ok, 'demo/deep/a.md': ok });
    expect(report).toContain('demo/pct%20.md → pct%20.md (unsupported file name: use letters (Chinese included), digits, "-" and "_")');
    expect(report).toContain('demo/q?.md → q?.md (unsupported file name');
    expect(report).toContain('other → other (folder is not a topic in topics.yaml)');
    expect(report).toContain('loose.md → loose.md (notes live at notes/<topic>/<name>.md (one folder deep))');
    expect(report).toContain('demo/deep → demo/deep (notes live at notes/<topic>/<name>.md');
    const dir = writeNotes({ 'topics.yaml': '- id: demo\n  name: d\n  description: x\n  order: 1', 'tags.yaml': TAGS, 'notes/demo/a.md': ok });
    made.push(dir);
    fs.symlinkSync('..', path.join(dir, 'notes', 'demo', 'loop'));
    const loop = formatContentProblems(findContentProblems(readCorpus(path.join(dir, 'notes')), false), dir);
    expect(loop).toBe('Files and folders (1):\nnotes/demo/loop → → .. (symbolic links are not followed: move the file into the notes folder)');
  });

  it('reports a code fence that is never closed', () => {
    expect(problemsOf({ 'demo/a.md': `${ok}正文。\n\n\`\`\`bash\necho 1\n\n后面全成了代码。\n` })).toContain('demo/a.md:9 → ``` (code block is never closed');
    expect(problemsOf({ 'demo/a.md': `${ok}\`\`\`\`md\n\`\`\`bash\n\`\`\`\n\`\`\`\`\n` })).not.toContain('never closed');
  });

  it('rejects links that leave the notes folder and files that would not be published', () => {
    const report = problemsOf({ 'demo/a.md': `${ok}[密码](../../../../etc/passwd) ![图](../../../../etc/x.png) [附件](./files/a.pdf)\n` });
    expect(report).toContain('demo/a.md:7 → ../../../../etc/passwd (points outside the notes folder)');
    expect(report).toContain('demo/a.md:7 → ../../../../etc/x.png (points outside the notes folder)');
    expect(report).toContain('demo/a.md:7 → ./files/a.pdf (not published: only images are copied with the notes');
  });
});
