import { notePath } from '../lib/paths';
import { corpusModel, type CorpusOptions } from './cache';

/**
 * `serialize` for @astrojs/sitemap: a note's page (and a topic page, its hub) gets `<lastmod>`,
 * the note's last change as the corpus computed it for the page itself.
 */
export function sitemapLastmod(options: CorpusOptions, site: string, base: string) {
  let byUrl: Map<string, Date> | undefined;
  return <Item extends { url: string; lastmod?: string | undefined }>(item: Item): Item => {
    byUrl ??= new Map([...corpusModel(options).lastChanged].map(([id, date]) => [new URL(notePath(base, id), site).href, date]));
    const date = byUrl.get(item.url);
    return date ? { ...item, lastmod: date.toISOString() } : item;
  };
}
