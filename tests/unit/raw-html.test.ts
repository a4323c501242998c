import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblems } from '../../src/corpus/checks/problem';
import { checkRawHtml, htmlProblems } from '../../src/corpus/checks/raw-html';
import { readCorpus } from '../../src/corpus/read';
import { removeDir, writeNotes } from '../support/content';

// Line numbers are those of the file, front matter included.
const HOSTILE = [
  '---', // 1
  'title: 原始 HTML', // 2
  '---', // 3
  '', // 4
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">', // 5
  '', // 6
  '<div class="demo">', // 7
  '  <button type="button"', // 8
  '          onclick="alert(1)">点我</button>', // 9
  '</div>', // 10
  '', // 11
  '段落里的 <img src="x.png" onerror="boom()" alt=""> 和 <kbd style="color:red">K</kbd>。', // 12
  '', // 13
  '<iframe src="https://evil.example/"></iframe>', // 14
  '', // 15
  '<img src="javascript:alert(1)" alt="">', // 16
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
  '<details open><summary>展开</summary>',
  '',
  '按 <kbd>Ctrl</kbd>+<kbd>K</kbd>，H<sub>2</sub>O，x<sup>2</sup>，<abbr title="In-Sync Replicas">ISR</abbr>。<br>',
  '',
  '<img src="./diagram.png" alt="示意图" width="300">',
  '',
  '<!-- 注释不算 -->',
  '',
  '</details>',
].join('\n');

const DRAFT = ['---', 'title: 草稿', 'draft: true', '---', '', '<script>draft()</script>'].join('\n');

describe('checkRawHtml', () => {
  const dir = writeNotes({ 'demo/hostile.md': HOSTILE, 'demo/safe.md': SAFE, 'demo/draft.md': DRAFT });
  afterAll(() => removeDir(dir));
  const corpus = readCorpus(dir);
  const problems = checkRawHtml(corpus, false);

  it('names every element, attribute and URL outside the allowlist with its file and line', () => {
    expect(problems.map((p) => [path.basename(p.file), p.line, p.target])).toEqual([
      ['hostile.md', 5, '<meta>'],
      ['hostile.md', 7, '<div>'],
      ['hostile.md', 8, '<button>'],
      ['hostile.md', 12, '<img onerror=…>'],
      ['hostile.md', 12, '<kbd style=…>'],
      ['hostile.md', 14, '<iframe>'],
      ['hostile.md', 16, '<img src="javascript:alert(1)">'],
    ]);
  });

  it('allows details, summary, kbd, sub, sup, abbr, br, local images and comments; code is only text', () => {
    expect(problems.filter((p) => p.file.endsWith('safe.md'))).toEqual([]);
  });

  it('skips drafts in a build and reports them when drafts are shown', () => {
    expect(problems.some((p) => p.file.endsWith('draft.md'))).toBe(false);
    expect(checkRawHtml(corpus, true).filter((p) => p.file.endsWith('draft.md')).map((p) => p.target)).toEqual(['<script>']);
  });

  it('formats as file:line → target (reason)', () => {
    expect(formatProblems(problems.slice(0, 1), dir)).toMatch(/^demo\/hostile\.md:5 → <meta> \(raw HTML element not allowed \(allowed: details, summary/);
  });
});

describe('htmlProblems', () => {
  it('catches event handlers whatever their case, and javascript: URLs', () => {
    expect(htmlProblems('<a href="#" OnMouseOver="x()">a</a>').map((p) => p.target)).toEqual(['<a>']);
    expect(htmlProblems('<img src="x.png" ONERROR="y()" alt="">').map((p) => p.target)).toEqual(['<img onerror=…>']);
    expect(htmlProblems('<img src=" JavaScript:alert(1)" alt="">').map((p) => p.reason)).toEqual(['images must be local files (no remote or javascript: URLs)']);
  });

  it('ignores closing tags on their own (the opening one was in an earlier chunk)', () => {
    expect(htmlProblems('</details>')).toEqual([]);
  });
});
