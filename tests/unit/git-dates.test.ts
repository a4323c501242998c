import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitLastChanged, lastUpdated, parseGitLog } from '../../src/corpus/dates';
import { byLastChange, type NoteLike } from '../../src/corpus/order';

// What `git log --format=%cI --name-only --relative` prints: newest commit first, a blank line after each date.
const LOG = `2026-05-02T10:00:00+08:00

kafka/replication.md
2026-04-01T09:30:00Z

kafka/replication.md
jvm/oom-errors.md
kafka/新笔记.md

2026-01-15T12:00:00-05:00
jvm/oom-errors.md
nginx/index.md
`;

describe('parseGitLog', () => {
  it('gives each file the date of its newest commit', () => {
    const dates = parseGitLog(LOG);
    expect(dates.get('kafka/replication.md')?.toISOString()).toBe('2026-05-02T02:00:00.000Z');
    expect(dates.get('jvm/oom-errors.md')?.toISOString()).toBe('2026-04-01T09:30:00.000Z');
    expect(dates.get('kafka/新笔记.md')?.toISOString()).toBe('2026-04-01T09:30:00.000Z');
    expect(dates.get('nginx/index.md')?.toISOString()).toBe('2026-01-15T17:00:00.000Z');
    expect(dates.size).toBe(4);
  });

  it('reads an empty log (no commits) as no dates, and ignores files before any date', () => {
    expect(parseGitLog('').size).toBe(0);
    expect(parseGitLog('stray.md\n').size).toBe(0);
    expect(parseGitLog('2026-01-01T00:00:00Z\r\n\r\na.md\r\n').get('a.md')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('lastUpdated', () => {
  const data = { date: new Date('2026-01-01'), updated: new Date('2026-02-01') };
  it('prefers git, then front matter `updated`, then `date`', () => {
    expect(lastUpdated(new Date('2026-03-01'), data).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(lastUpdated(undefined, data).toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(lastUpdated(undefined, { date: data.date }).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('gitLastChanged', () => {
  it('finds no history outside a repository, without throwing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-kb-nogit-'));
    try {
      expect(gitLastChanged(dir).size).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a real repository: paths relative to the folder, newest commit per file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-kb-git-'));
    const git = (args: string[], date: string) =>
      execFileSync('git', args, {
        cwd: dir,
        stdio: 'ignore',
        env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
      });
    try {
      git(['init', '-q'], '2026-01-01T00:00:00Z');
      fs.mkdirSync(path.join(dir, 'notes', 'kafka'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'notes', 'kafka', 'a.md'), 'a');
      fs.writeFileSync(path.join(dir, 'notes', 'kafka', 'b.md'), 'b');
      git(['add', '.'], '2026-01-01T00:00:00Z');
      git(['commit', '-q', '-m', 'one'], '2026-01-01T00:00:00Z');
      fs.writeFileSync(path.join(dir, 'notes', 'kafka', 'b.md'), 'b2');
      git(['commit', '-q', '-am', 'two'], '2026-02-01T00:00:00Z');
      const dates = gitLastChanged(path.join(dir, 'notes'));
      expect(dates.get('kafka/a.md')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
      expect(dates.get('kafka/b.md')?.toISOString()).toBe('2026-02-01T00:00:00.000Z');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('byLastChange', () => {
  const note = (id: string, date: string): NoteLike => ({ id, data: { title: id, date: new Date(date) } });
  it('orders by the given dates, falling back to the front matter, newest first', () => {
    const notes = [note('a/old', '2024-01-01'), note('a/new', '2026-01-01'), note('b/committed', '2020-01-01')];
    const order = byLastChange(new Map([['b/committed', new Date('2026-06-01')]]));
    expect([...notes].sort(order).map((n) => n.id)).toEqual(['b/committed', 'a/new', 'a/old']);
  });
});
