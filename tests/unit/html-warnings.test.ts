import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findScriptInHtml } from '../../src/corpus/checks/raw-html';
import { formatProblems } from '../../src/corpus/checks/links';
import { readCorpus } from '../../src/corpus/read';
import { removeDir, writeNotes } from './temp-notes';

// Line numbers are those of the file, front matter included.
const RAW = [
  '---', // 1
  'title: 原始 HTML', // 2
  '---', // 3
  '', // 4
  '<div class="demo">', // 5
  '  <button type="button"', // 6
  '          onclick="alert(1)">点我</button>', // 7
  '</div>', // 8
  '', // 9
  '<script>console.log("hi")</script>', // 10
  '', // 11
  '段落里的 <img src="x.png" onerror="boom()" alt=""> 和 <span title="onclick=不是属性">文字</span>。', // 12
  '', // 13
  '<SCRIPT SRC="https://cdn.example.com/x.js"></SCRIPT>', // 14
  '', // 15
  '<a href="#" OnMouseOver = "x()" data-online="1">悬停</a>', // 16
].join('\n');

const SAFE = [
  '---',
  'title: 安全',
  '---',
  '',
  '代码里的 `<script>` 和 `onclick=` 只是文字。',
  '',
  '```html',
  '<button onclick="go()">go</button>',
  '<script>alert(1)</script>',
  '```',
  '',
  '<details><summary>展开</summary>',
  '',
  'online 与 <kbd>on</kbd> 都不是事件。',
  '',
  '</details>',
].join('\n');

const DRAFT = ['---', 'title: 草稿', 'draft: true', '---', '', '<script>draft()</script>'].join('\n');

describe('findScriptInHtml', () => {
  const dir = writeNotes({ 'demo/raw.md': RAW, 'demo/safe.md': SAFE, 'demo/draft.md': DRAFT });
  afterAll(() => removeDir(dir));
  const corpus = readCorpus(dir);
  const problems = findScriptInHtml(corpus, false);

  it('names each script tag and event handler in raw HTML with its file and line', () => {
    expect(problems.map((p) => [path.basename(p.file), p.line, p.target])).toEqual([
      ['raw.md', 7, 'onclick='],
      ['raw.md', 10, '<script>'],
      ['raw.md', 12, 'onerror='],
      ['raw.md', 14, '<script>'],
      ['raw.md', 16, 'onmouseover='],
    ]);
  });

  it('leaves code, attribute values that merely mention handlers, and other tags alone', () => {
    expect(problems.filter((p) => p.file.endsWith('safe.md'))).toEqual([]);
  });

  it('skips drafts in a build and reports them when drafts are shown', () => {
    expect(problems.some((p) => p.file.endsWith('draft.md'))).toBe(false);
    expect(findScriptInHtml(corpus, true).filter((p) => p.file.endsWith('draft.md')).map((p) => p.line)).toEqual([6]);
  });

  it('formats as file:line → target (reason)', () => {
    expect(formatProblems(problems.slice(0, 1), dir)).toBe('demo/raw.md:7 → onclick= (inline event handler: the CSP blocks it)');
  });
});
