/** Content for tests: temp note folders, copies of the fixture site, and front matter to put in them. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const fixtureContent = path.join(repoRoot, 'tests', 'fixtures', 'content');

/** Writes `{ 'kafka/replication.md': '…' }` under a fresh folder in the OS temp dir; returns its path. */
export function writeNotes(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-kb-unit-'));
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A front matter block with `title` and any other lines. */
export function frontMatter(title: string, extra: string[] = []): string {
  return ['---', `title: ${title}`, ...extra, '---', ''].join('\n');
}

/** A front matter block the schema accepts for the fixture site (7 lines, so the body starts on line 8). */
export function validFrontMatter(title: string): string {
  return frontMatter(title, ['description: 测试用的笔记。', 'tags: [links]', 'date: 2026-03-01']);
}

export interface SiteCopy {
  /** The temp folder holding both. */
  root: string;
  /** A copy of the fixture content, to use as CONTENT_DIR. */
  dir: string;
  /** An OUT_DIR next to it (not created). */
  out: string;
}

/** A fresh copy of tests/fixtures/content in the OS temp dir; `made` collects roots to remove. */
export function copyFixture(made: string[], prefix = 'notes-kb-site-'): SiteCopy {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(root);
  const dir = path.join(root, 'content');
  fs.cpSync(fixtureContent, dir, { recursive: true });
  return { root, dir, out: path.join(root, 'dist') };
}
