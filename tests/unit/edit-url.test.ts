import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editUrl } from '../../src/lib/edit-url';

const repo = '/work/notes';
const content = path.join(repo, 'content');

describe('editUrl', () => {
  it('points at the note file on the configured branch, main by default', () => {
    expect(editUrl('kafka/replication', content, { REPO_URL: 'https://github.com/org/notes' }, repo)).toBe(
      'https://github.com/org/notes/edit/main/content/notes/kafka/replication.md',
    );
    expect(editUrl('kafka/index', content, { REPO_URL: 'https://github.com/org/notes/', REPO_BRANCH: 'docs' }, repo)).toBe(
      'https://github.com/org/notes/edit/docs/content/notes/kafka/index.md',
    );
  });

  it('follows CONTENT_DIR inside the repository', () => {
    expect(editUrl('alpha/gfm', path.join(repo, 'tests/fixtures/content'), { REPO_URL: 'https://git.example.com/kb' }, repo)).toBe(
      'https://git.example.com/kb/edit/main/tests/fixtures/content/notes/alpha/gfm.md',
    );
  });

  it('gives no link without REPO_URL, or for content outside the repository', () => {
    expect(editUrl('kafka/replication', content, {}, repo)).toBeUndefined();
    expect(editUrl('kafka/replication', content, { REPO_URL: '  ' }, repo)).toBeUndefined();
    expect(editUrl('kafka/replication', '/tmp/elsewhere', { REPO_URL: 'https://github.com/org/notes' }, repo)).toBeUndefined();
  });

  it('escapes what a URL path cannot hold', () => {
    expect(editUrl('随想/第 1 篇', content, { REPO_URL: 'https://github.com/org/notes' }, repo)).toBe(
      'https://github.com/org/notes/edit/main/content/notes/%E9%9A%8F%E6%83%B3/%E7%AC%AC%201%20%E7%AF%87.md',
    );
  });
});
