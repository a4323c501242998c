import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { gitLastChanged, lastUpdated } from './dates';
import { normalizeBase } from '../lib/paths';

/**
 * `serialize` for @astrojs/sitemap: a note's page (and a topic page, its hub) gets `<lastmod>`, the
 * note's last change: git history, else front matter `updated`, else `date`, as on the page.
 */
export function sitemapLastmod(notesDir: string, site: string, base: string) {
  const prefix = new URL(normalizeBase(base), site).href;
  return <Item extends { url: string; lastmod?: string | undefined }>(item: Item): Item => {
    if (!item.url.startsWith(prefix)) return item;
    const parts = item.url.slice(prefix.length).replace(/\/$/, '').split('/');
    if (parts[0] === '' || parts[0] === 'tags' || parts.length > 2) return item;
    const id = parts.length === 1 ? `${parts[0]}/index` : parts.join('/');
    const file = path.join(notesDir, `${id}.md`);
    const data = fs.existsSync(file) ? frontMatterDates(fs.readFileSync(file, 'utf8')) : undefined;
    if (!data) return item;
    return { ...item, lastmod: lastUpdated(gitLastChanged(notesDir).get(`${id}.md`), data).toISOString() };
  };
}

function frontMatterDates(source: string): { date: Date; updated?: Date | undefined } | undefined {
  try {
    const front = parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '') as { date?: unknown; updated?: unknown } | null;
    const date = front?.date === undefined ? undefined : new Date(String(front.date));
    if (!date || Number.isNaN(date.getTime())) return undefined;
    const updated = front?.updated === undefined ? undefined : new Date(String(front.updated));
    return { date, updated: updated && !Number.isNaN(updated.getTime()) ? updated : undefined };
  } catch {
    return undefined; // the schema reports bad front matter; the sitemap just goes without a date
  }
}
