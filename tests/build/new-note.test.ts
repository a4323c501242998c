/** `npm run new`: the note it writes, and the ways it refuses. Runs the script on a temp CONTENT_DIR. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readVocabularyIds } from '../../src/corpus/vocabulary';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-kb-new-'));
fs.cpSync(path.join(repoRoot, 'tests', 'fixtures', 'content'), contentDir, { recursive: true });
const topics = (parse(fs.readFileSync(path.join(contentDir, 'topics.yaml'), 'utf8')) as { id: string }[]).map((t) => t.id);
const topic = topics[0]!;

afterAll(() => fs.rmSync(contentDir, { recursive: true, force: true }));

/** The script as authors run it. */
function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync('npm', ['run', '--silent', 'new', '--', ...args], {
    cwd: repoRoot,
    env: { ...process.env, CONTENT_DIR: contentDir, BASE: '', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run new', () => {
  const file = path.join(contentDir, 'notes', topic, 'brand-new.md');

  it('writes a note with valid front matter, today\'s date and the `todo` tag, and prints its path and URL', () => {
    const result = run([`${topic}/brand-new`, '全新的笔记：标题里有冒号'], { BASE: '/kb/' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(file);
    expect(result.stdout).toContain(`/kb/${topic}/brand-new/`);
    const text = fs.readFileSync(file, 'utf8');
    const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as Record<string, unknown>;
    expect(front['title']).toBe('全新的笔记：标题里有冒号');
    expect(front['description']).toMatch(/^[^。]+。$/); // one sentence, as the schema wants
    expect(front['tags']).toEqual(['todo']);
    const now = new Date();
    const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
    expect(front['date']).toBe(today);
  });

  it('uses a tag that is not in the vocabulary, so the build flags the note until real tags are chosen', () => {
    const previous = process.env['CONTENT_DIR'];
    process.env['CONTENT_DIR'] = contentDir;
    try {
      expect(readVocabularyIds('tags.yaml').has('todo')).toBe(false);
    } finally {
      if (previous === undefined) delete process.env['CONTENT_DIR'];
      else process.env['CONTENT_DIR'] = previous;
    }
  });

  it('never overwrites a note', () => {
    const before = fs.readFileSync(file, 'utf8');
    const result = run([`${topic}/brand-new`, '另一个标题']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('already exists');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses an unknown topic and lists the topics there are', () => {
    const result = run(['no-such-topic/x', '标题']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('"no-such-topic" is not a topic');
    for (const id of topics) expect(result.stderr).toContain(id);
    expect(fs.existsSync(path.join(contentDir, 'notes', 'no-such-topic'))).toBe(false);
  });

  it('explains its arguments when the id or the title is missing', () => {
    for (const args of [[], [`${topic}/x`], ['just-a-name', '标题'], ['Topic/Name', '标题']]) {
      const result = run(args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toContain('usage: npm run new');
    }
  });

  it('writes the URL at the site root when BASE is unset', () => {
    const result = run([`${topic}/root-url`, '根路径']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`url\\s+/${topic}/root-url/\\n`));
  });
});
