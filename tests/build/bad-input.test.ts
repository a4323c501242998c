/**
 * Bad input, table-driven: each case breaks a copy of the fixture content in one way and runs the
 * real `npm run build` into an OUT_DIR that already holds a good site. Every case must fail, name
 * the file (and line where there is one), and leave the previous site byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, repoRoot, validFrontMatter } from '../support/content';
import { shellEnv } from '../support/env';

const made: string[] = [];
const good = copyFixture(made, 'notes-kb-bad-');
const out = good.out;
afterAll(() => {
  for (const root of made) fs.rmSync(root, { recursive: true, force: true });
});

function build(contentDir: string): { status: number | null; output: string } {
  const run = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, env: shellEnv({ CONTENT_DIR: contentDir, OUT_DIR: out }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // eslint-disable-next-line no-control-regex
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
}

function hashes(dir: string): Map<string, string> {
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => [path.relative(dir, path.join(entry.parentPath, entry.name)), createHash('sha256').update(fs.readFileSync(path.join(entry.parentPath, entry.name))).digest('hex')]));
}

/** A note at `notes/beta/<name>.md` whose body (line 7 on) is `body`. */
const note = (body: string) => `${validFrontMatter('坏输入')}${body}\n`;
const write = (dir: string, relative: string, text: string | Buffer) => {
  const file = path.join(dir, 'notes', relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};

interface Case {
  name: string;
  /** Breaks the content folder. */
  apply: (dir: string) => void;
  /** What the message must say: the file (relative to notes/) and, where there is one, its line. */
  expect: string;
}

const cases: Case[] = [
  { name: 'a date that is not in the calendar', apply: (d) => write(d, 'beta/bad.md', note('x').replace('date: 2026-03-01', 'date: 2026-13-45')), expect: 'beta/bad.md:5 → date: 2026-13-45' },
  { name: 'February 30th', apply: (d) => write(d, 'beta/bad.md', note('x').replace('date: 2026-03-01', 'date: 2026-02-30')), expect: 'beta/bad.md:5 → date: 2026-02-30' },
  { name: 'front matter that is not YAML', apply: (d) => write(d, 'beta/bad.md', note('x').replace('tags: [links]', 'tags: [links')), expect: 'beta/bad.md:' },
  { name: 'a missing title', apply: (d) => write(d, 'beta/bad.md', note('x').replace('title: 坏输入\n', '')), expect: 'beta/bad.md:1 → title (title is required)' },
  { name: 'a two-sentence description', apply: (d) => write(d, 'beta/bad.md', note('x').replace('测试用的笔记。', '第一句。第二句。')), expect: 'beta/bad.md:3 → description (description must be one sentence)' },
  { name: 'an unknown tag', apply: (d) => write(d, 'beta/bad.md', note('x').replace('tags: [links]', 'tags: [nope]')), expect: 'beta/bad.md:4 → tags (tag "nope" is not in the tag vocabulary' },
  { name: 'an order field', apply: (d) => write(d, 'beta/bad.md', note('x').replace('date: 2026-03-01', 'date: 2026-03-01\norder: 2')), expect: 'beta/bad.md:6 → order (order is not used' },
  { name: 'a note saved in GBK', apply: (d) => write(d, 'beta/bad.md', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xc4, 0xda, 0xb4, 0xe6, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a])), expect: 'beta/bad.md → encoding (not UTF-8 (looks like GBK' },
  { name: '% in a file name', apply: (d) => write(d, 'beta/pct%20.md', note('x')), expect: 'beta/pct%20.md → pct%20.md (unsupported file name' },
  { name: '? in a file name', apply: (d) => write(d, 'beta/what?.md', note('x')), expect: 'beta/what?.md → what?.md (unsupported file name' },
  { name: '# in a file name', apply: (d) => write(d, 'beta/a#b.md', note('x')), expect: 'beta/a#b.md → a#b.md (unsupported file name' },
  { name: 'a space in a file name', apply: (d) => write(d, 'beta/a b.md', note('x')), expect: 'beta/a b.md → a b.md (unsupported file name' },
  { name: 'a folder that is not a topic', apply: (d) => write(d, 'gamma/stray.md', note('x')), expect: 'gamma → gamma (folder is not a topic in topics.yaml)' },
  { name: 'a note two folders deep', apply: (d) => write(d, 'beta/deep/a.md', note('x')), expect: 'beta/deep → beta/deep (notes live at notes/<topic>/<name>.md' },
  { name: 'a symbolic link that loops', apply: (d) => fs.symlinkSync('..', path.join(d, 'notes', 'beta', 'loop')), expect: 'beta/loop → → .. (symbolic links are not followed' },
  { name: '10,000 nested blockquotes', apply: (d) => write(d, 'beta/bad.md', note(`${'>'.repeat(10_000)} 深`)), expect: 'beta/bad.md:7 → 10000 levels (blockquote or list nested deeper than 32 levels)' },
  { name: 'a list nested 100 levels', apply: (d) => write(d, 'beta/bad.md', note(Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- ${i}`).join('\n'))), expect: 'beta/bad.md:40 → 33 levels' },
  { name: 'a note over 512 KiB', apply: (d) => write(d, 'beta/bad.md', note('长'.repeat(200_000))), expect: 'beta/bad.md → ' },
  { name: 'a link that leaves the content folder', apply: (d) => write(d, 'beta/bad.md', note('[密码](../../../../etc/passwd)')), expect: 'beta/bad.md:7 → ../../../../etc/passwd (points outside the notes folder)' },
  { name: 'an image outside the content folder', apply: (d) => write(d, 'beta/bad.md', note('![图](../../../../etc/x.png)')), expect: 'beta/bad.md:7 → ../../../../etc/x.png (points outside the notes folder)' },
  { name: 'a link to a file that is not published', apply: (d) => { write(d, 'beta/files/a.pdf', 'pdf'); write(d, 'beta/bad.md', note('[附件](./files/a.pdf)')); }, expect: 'beta/bad.md:7 → ./files/a.pdf (not published' },
  { name: 'a link to a missing note', apply: (d) => write(d, 'beta/bad.md', note('[无](./nope.md)')), expect: 'beta/bad.md:7 → ./nope.md (no such note)' },
  { name: 'a link to a missing heading', apply: (d) => write(d, 'beta/bad.md', note('[无](./links.md#没有)')), expect: 'beta/bad.md:7 → ./links.md#没有 (no heading' },
  { name: 'a wikilink to a missing note', apply: (d) => write(d, 'beta/bad.md', note('见 [[nowhere]]。')), expect: 'beta/bad.md:7 → [[nowhere]] (no such note)' },
  { name: 'an ambiguous wikilink', apply: (d) => write(d, 'beta/bad.md', note('见 [[index]]。')), expect: 'beta/bad.md:7 → [[index]] (ambiguous name' },
  { name: 'a link to a draft', apply: (d) => write(d, 'beta/bad.md', note('见 [草稿](../alpha/draft-note.md)。')), expect: 'beta/bad.md:7 → ../alpha/draft-note.md (links to a draft' },
  { name: 'a reference-style link to a missing note', apply: (d) => write(d, 'beta/bad.md', note('见[无][r]。\n\n[r]: ./nope.md')), expect: 'beta/bad.md:7 → ./nope.md (no such note)' },
  { name: 'a fence in an unknown language', apply: (d) => write(d, 'beta/bad.md', note('```nosuchlang\nx\n```')), expect: 'beta/bad.md:7 → ```nosuchlang (unknown language' },
  { name: 'a fence without a language', apply: (d) => write(d, 'beta/bad.md', note('```\nx\n```')), expect: 'beta/bad.md:7 → ``` (code block without a language)' },
  { name: 'a fence never closed', apply: (d) => write(d, 'beta/bad.md', note('```bash\necho 1\n\n后文')), expect: 'beta/bad.md:7 → ``` (code block is never closed' },
  { name: 'a meta refresh', apply: (d) => write(d, 'beta/bad.md', note('<meta http-equiv="refresh" content="0;url=https://evil.example/">')), expect: 'beta/bad.md:7 → <meta> (raw HTML element not allowed' },
  { name: 'an iframe', apply: (d) => write(d, 'beta/bad.md', note('<iframe src="https://evil.example/"></iframe>')), expect: 'beta/bad.md:7 → <iframe> (raw HTML element not allowed' },
  { name: 'a script', apply: (d) => write(d, 'beta/bad.md', note('<script>alert(1)</script>')), expect: 'beta/bad.md:7 → <script> (raw HTML element not allowed' },
  { name: 'a style attribute', apply: (d) => write(d, 'beta/bad.md', note('按 <kbd style="color:red">K</kbd>。')), expect: 'beta/bad.md:7 → <kbd style=…> (attribute not allowed in raw HTML)' },
  { name: 'a javascript: image', apply: (d) => write(d, 'beta/bad.md', note('<img src="javascript:alert(1)" alt="">')), expect: 'beta/bad.md:7 → <img src="javascript:alert(1)"> (images must be local files' },
];

describe('npm run build on bad input', { sequential: true }, () => {
  let previous: Map<string, string>;
  beforeAll(() => {
    const first = build(good.dir);
    expect(first.status, first.output).toBe(0);
    previous = hashes(out);
  }, 300_000);

  it.each(cases.map((c) => [c.name, c] as const))('%s: fails, names the place, keeps the previous site', (_, c) => {
    const site = copyFixture(made, 'notes-kb-bad-case-');
    c.apply(site.dir);
    const result = build(site.dir);
    expect(result.status, result.output).not.toBe(0);
    expect(result.output).toContain(`${path.basename(site.root)}/content/notes/${c.expect}`);
    expect(hashes(out)).toEqual(previous);
  }, 120_000);
});
