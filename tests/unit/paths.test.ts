import { describe, expect, it } from 'vitest';
import { normalizeBase, notePath } from '../../src/lib/paths';

describe('normalizeBase', () => {
  it('gives a base with one leading and one trailing slash', () => {
    expect(normalizeBase('/')).toBe('/');
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('/kb/')).toBe('/kb/');
    expect(normalizeBase('/kb')).toBe('/kb/');
    expect(normalizeBase('kb')).toBe('/kb/');
    expect(normalizeBase('kb/')).toBe('/kb/');
    expect(normalizeBase('docs/kb')).toBe('/docs/kb/');
  });
});

describe('notePath', () => {
  it('with base /', () => {
    expect(notePath('/', 'kafka/replication')).toBe('/kafka/replication/');
  });

  it('with base /kb/, /kb and kb (no slashes)', () => {
    expect(notePath('/kb/', 'kafka/replication')).toBe('/kb/kafka/replication/');
    expect(notePath('/kb', 'kafka/replication')).toBe('/kb/kafka/replication/');
    expect(notePath('kb', 'kafka/replication')).toBe('/kb/kafka/replication/');
  });

  it('a hub id (topic/index) is the topic path', () => {
    expect(notePath('/', 'kafka/index')).toBe('/kafka/');
    expect(notePath('/kb/', 'kafka/index')).toBe('/kb/kafka/');
    expect(notePath('kb', 'kafka/index')).toBe('/kb/kafka/');
  });

  it('only a whole trailing "index" segment is a hub', () => {
    expect(notePath('/', 'kafka/reindex')).toBe('/kafka/reindex/');
    expect(notePath('/', 'kafka/index-design')).toBe('/kafka/index-design/');
    expect(notePath('/kb/', 'index/overview')).toBe('/kb/index/overview/');
  });

  it('a root index is the site root, never a double slash', () => {
    expect(notePath('/', 'index')).toBe('/');
    expect(notePath('/kb/', 'index')).toBe('/kb/');
  });

  it('keeps Chinese ids as written', () => {
    expect(notePath('/kb/', '进程/守护')).toBe('/kb/进程/守护/');
  });
});
