/**
 * A rebuild reuses what the last build worked out (Astro's content cache, each note's reading,
 * each note's search passages): after a note is edited, the rebuilt site must be exactly the site a
 * cold build of the same notes makes, and must show the edit.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BUILD_TIMEOUT = 600_000; // a loaded two-core machine; nothing here asserts a duration
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
fs.mkdirSync(path.join(repoRoot, 'tests', '.tmp'), { recursive: true });
const root = fs.mkdtempSync(path.join(repoRoot, 'tests', '.tmp', 'rebuild-'));
const content = path.join(root, 'content');
const [warmOut, coldOut] = [path.join(root, 'warm'), path.join(root, 'cold')];
const cacheOf = (out: string) => path.join(repoRoot, 'node_modules', '.astro', out.replace(/[^\w-]+/g, '_'));

function build(out: string): void {
  const env: NodeJS.ProcessEnv = { ...process.env, CONTENT_DIR: content, OUT_DIR: out };
  for (const key of Object.keys(env)) {
    if (['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST'].includes(key) || key.startsWith('VITEST')) delete env[key];
  }
  const run = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
}

function hashes(dir: string): Map<string, string> {
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    return [path.relative(dir, file), createHash('sha256').update(fs.readFileSync(file)).digest('hex')];
  }));
}

const read = (out: string, page: string) => fs.readFileSync(path.join(out, page), 'utf8');
/** The backlinks section of a page. */
const backlinks = (html: string) => /<section class="note-end backlinks"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
/** Every file of the search index, as one text. */
const searchText = (out: string) =>
  fs.readdirSync(path.join(out, 'search-index'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  for (const out of [warmOut, coldOut]) fs.rmSync(cacheOf(out), { recursive: true, force: true });
});

describe('a rebuild after an edit', { sequential: true }, () => {
  it('keeps the readings and passages of the first build for the next', () => {
    fs.cpSync(path.join(repoRoot, 'tests', 'fixtures', 'content'), content, { recursive: true });
    build(warmOut);
    expect(backlinks(read(warmOut, 'alpha/gfm/index.html'))).not.toContain('href="/alpha/code/"');
    expect(fs.existsSync(path.join(cacheOf(warmOut), 'notes-reading.json'))).toBe(true);
    expect(fs.existsSync(path.join(cacheOf(warmOut), 'search-passages.json'))).toBe(true);
  }, BUILD_TIMEOUT);

  it('shows the edited note as it now is: its new section, its new link as a backlink, its new words in search', () => {
    fs.appendFileSync(path.join(content, 'notes', 'alpha', 'code.md'), '\n## 重建小节\n\n这一段提到缓存校验词，并链接到 [[gfm]]。\n');
    build(warmOut);
    expect(read(warmOut, 'alpha/code/index.html')).toContain('id="重建小节"');
    expect(backlinks(read(warmOut, 'alpha/gfm/index.html'))).toContain('href="/alpha/code/"');
    expect(searchText(warmOut)).toContain('缓存校验词');
  }, BUILD_TIMEOUT);

  it('is, file for file, what a cold build of the same notes makes', () => {
    build(coldOut);
    expect(hashes(warmOut)).toEqual(hashes(coldOut));
  }, BUILD_TIMEOUT);
});
