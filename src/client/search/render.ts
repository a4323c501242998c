import { searchStrings as t } from '../../lib/i18n';
import type { Excerpt } from './excerpt';
import { loadExcerpt, type SearchResponse, type SearchResult } from './query';

/**
 * The parts of a result shown in the dialog and on the search page: title, topic and tags, and the
 * excerpt. Everything is text nodes and <mark>s built here, so nothing in a note or a query can run.
 */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

export function excerptNodes(excerpt: Excerpt | undefined): Node[] {
  return (excerpt?.parts ?? []).map((part) => (part.mark ? element('mark', '', part.text) : document.createTextNode(part.text)));
}

/** Title (a link when `href` is given), topic and tags, excerpt. */
export function resultParts(result: SearchResult, link: boolean): HTMLElement[] {
  const title = link ? element('a', 'search-result__title', result.title) : element('span', 'search-result__title', result.title);
  if (title instanceof HTMLAnchorElement) title.href = result.url;
  if (result.match === 'partial') title.append(' ', element('span', 'search-result__partial', `· ${t.searchPartialLabel}`));
  const meta = element('span', 'search-result__meta');
  if (result.topic) meta.append(element('span', 'search-result__topic', result.topic));
  for (const tag of result.tags) meta.append(element('span', 'search-result__tag', `#${tag}`));
  const excerpt = element('span', 'search-result__excerpt');
  excerpt.append(...excerptNodes(result.excerpt));
  return [title, meta, excerpt];
}

/**
 * Results below the first few get their excerpt (one small file each) when they scroll into view.
 * `shown` pairs each result with the element holding it; its link and excerpt are updated in place.
 */
export function loadExcerptsWhenVisible(base: string, shown: [HTMLElement, SearchResult][], root: Element | null): () => void {
  const waiting = new Map(shown.filter(([, result]) => !result.excerpt));
  if (waiting.size === 0) return () => undefined;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const result = waiting.get(entry.target as HTMLElement);
        if (!entry.isIntersecting || !result) continue;
        waiting.delete(entry.target as HTMLElement);
        observer.unobserve(entry.target);
        void loadExcerpt(base, result).then(() => {
          const target = entry.target as HTMLElement;
          target.querySelector('.search-result__excerpt')?.replaceChildren(...excerptNodes(result.excerpt));
          const link = target instanceof HTMLAnchorElement ? target : target.querySelector('a');
          if (link) link.href = result.url;
        });
      }
    },
    { root, rootMargin: '200px 0px' },
  );
  for (const target of waiting.keys()) observer.observe(target);
  return () => observer.disconnect();
}

export function statusText({ query, results, synonyms }: SearchResponse): string {
  if (results.length === 0) return query ? t.searchNoResults(query) : '';
  if (results.every((result) => result.match === 'partial')) return t.searchOnlyPartial(query, results.length);
  return synonyms.length > 0 ? t.searchWithSynonyms(results.length, synonyms) : t.searchCount(results.length);
}
