/**
 * `npm run check:links` on copies of tests/fixtures/content: a clean corpus passes, and a broken one
 * gets every offender listed in one run (links in two files, a wikilink, a heading, a fence), exit 1.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture as copyFixtureSite, repoRoot, validFrontMatter } from '../support/content';

const made: string[] = [];
const copyFixture = () => copyFixtureSite(made, 'notes-kb-links-').dir;

function checkLinks(contentDir: string, args: string[] = []) {
  const run = spawnSync('npm', ['run', '--silent', 'check:links', '--', ...args], {
    cwd: repoRoot,
    env: { ...process.env, CONTENT_DIR: contentDir },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

const FRONT = validFrontMatter('坏链接');

afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run check:links', () => {
  it('passes on a corpus whose links all resolve', () => {
    const result = checkLinks(copyFixture());
    expect(result.output).toContain('all links resolve');
    expect(result.status).toBe(0);
  });

  it('lists every broken link and bad code block at once, with file and line, and exits 1', () => {
    const dir = copyFixture();
    fs.writeFileSync(
      path.join(dir, 'notes', 'beta', 'broken.md'),
      `${FRONT}\n见[不存在](./missing.md)。\n\n再看[标题](../alpha/gfm.md#没有这一节)。\n`,
    );
    fs.writeFileSync(
      path.join(dir, 'notes', 'alpha', 'broken-wiki.md'),
      `${FRONT}\n[[no-such-note]] 不存在。\n\n\`\`\`not-a-language\nx\n\`\`\`\n`,
    );
    const result = checkLinks(dir);
    expect(result.status).toBe(1);
    const shown = (file: string) => path.relative(repoRoot, path.join(dir, 'notes', file));
    expect(result.output).toContain(`${shown('beta/broken.md')}:8 → ./missing.md`);
    expect(result.output).toContain(`${shown('beta/broken.md')}:10 → ../alpha/gfm.md#没有这一节`);
    expect(result.output).toContain(`${shown('alpha/broken-wiki.md')}:8 → [[no-such-note]]`);
    expect(result.output).toContain(`${shown('alpha/broken-wiki.md')}:10 → \`\`\`not-a-language (unknown language "not-a-language")`);
    expect(result.output).toContain('Broken links (3)');
    expect(result.output).toContain('Bad code blocks (1)');
  });

  it('skips drafts unless asked, as the build does', () => {
    const dir = copyFixture();
    fs.writeFileSync(path.join(dir, 'notes', 'beta', 'draft-broken.md'), FRONT.replace('---\n', '---\ndraft: true\n') + '\n[坏](./missing.md)\n');
    expect(checkLinks(dir).status).toBe(0);
    const withDrafts = checkLinks(dir, ['--drafts']);
    expect(withDrafts.status).toBe(1);
    expect(withDrafts.output).toContain('draft-broken.md:9 → ./missing.md');
  });
});
