import { afterAll, describe, expect, it } from 'vitest';
import { sitemapLastmod } from '../../src/corpus/sitemap-lastmod';
import { removeDir, writeNotes } from '../support/content';

// A temp folder is outside any repository: no git dates, so the front matter decides.
const dir = writeNotes({
  'kafka/index.md': '---\ntitle: 导读\ndate: 2026-01-01\n---\n',
  'kafka/replication.md': '\uFEFF---\r\ntitle: 副本\r\ndate: 2026-02-01\r\nupdated: 2026-03-05\r\n---\r\n',
});
afterAll(() => removeDir(dir));

describe('sitemapLastmod', () => {
  const serialize = sitemapLastmod({ notesDir: dir, includeDrafts: false, watch: false }, 'https://example.com', '/kb/');

  it('dates a note page by its last change (BOM and CRLF front matter too) and a topic page by its hub', () => {
    expect(serialize<{ url: string; lastmod?: string }>({ url: 'https://example.com/kb/kafka/replication/' }).lastmod).toBe('2026-03-05T00:00:00.000Z');
    expect(serialize<{ url: string; lastmod?: string }>({ url: 'https://example.com/kb/kafka/' }).lastmod).toBe('2026-01-01T00:00:00.000Z');
  });

  it('leaves pages that are not notes as they are', () => {
    for (const url of ['https://example.com/kb/', 'https://example.com/kb/tags/kafka/', 'https://example.com/kb/kafka/missing/', 'https://other.example/kb/kafka/']) {
      expect(serialize({ url })).toEqual({ url });
    }
  });
});
