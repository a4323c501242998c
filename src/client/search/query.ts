import { loadPagefind, type PagefindResultData } from './pagefind';
import { queryTerms, rankHits, type MatchKind } from './rank';
import { toSimplified } from './traditional';

export interface SearchFilters {
  topic?: string | undefined;
  tag?: string | undefined;
}

export interface SearchResult {
  url: string;
  title: string;
  topic: string | undefined;
  tags: string[];
  /** Pagefind's excerpt: escaped text with <mark> around matched words. */
  excerpt: string;
  match: MatchKind;
  /** The query's words, to mark whole in the excerpt. */
  terms: string[];
}

export interface SearchResponse {
  /** The query as searched: trimmed and folded to Simplified Chinese. */
  query: string;
  results: SearchResult[];
}

/** Hits whose text we read to re-rank; later hits are rarely wanted and cost a fetch each. */
const CHECKED_HITS = 40;

export async function searchNotes(base: string, rawQuery: string, filters: SearchFilters = {}): Promise<SearchResponse> {
  const query = await toSimplified(rawQuery.trim());
  const filterOptions: Record<string, string> = {};
  if (filters.topic) filterOptions['topic'] = filters.topic;
  if (filters.tag) filterOptions['tag'] = filters.tag;
  if (!query && Object.keys(filterOptions).length === 0) return { query, results: [] };

  const pagefind = await loadPagefind(base);
  const { results } = await pagefind.search(query || null, { filters: filterOptions });
  const hits = await Promise.all(
    results.slice(0, CHECKED_HITS).map(async (result) => {
      const data = await result.data();
      return { score: result.score, title: data.meta['title'] ?? '', text: data.content, data };
    }),
  );
  const ranked = query ? rankHits(query, hits) : hits.map((hit) => ({ hit, match: 'phrase' as const }));
  return {
    query,
    results: ranked.map(({ hit, match }) => toResult(hit.data, query, match)),
  };
}

function toResult(data: PagefindResultData, query: string, match: MatchKind): SearchResult {
  // The best section to land on: the first sub-result below the page title that has a match.
  const section = data.sub_results.find((sub) => sub.url.includes('#') && sub.excerpt.includes('<mark>'));
  return {
    url: withHighlight(section?.url ?? data.url, query),
    title: data.meta['title'] ?? data.url,
    topic: data.filters['topic']?.[0],
    tags: data.filters['tag'] ?? [],
    excerpt: section?.excerpt ?? data.excerpt,
    match,
    terms: queryTerms(query),
  };
}

/** The note page marks these words and scrolls to the first (see highlight.ts). */
export function withHighlight(url: string, query: string): string {
  if (!query) return url;
  const [path = '', hash] = url.split('#');
  const separator = path.includes('?') ? '&' : '?';
  return `${path}${separator}highlight=${encodeURIComponent(query)}${hash ? `#${hash}` : ''}`;
}

export async function availableFilters(base: string): Promise<{ topic: string[]; tag: string[] }> {
  const filters = await (await loadPagefind(base)).filters();
  const names = (group: string) => Object.keys(filters[group] ?? {}).sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return { topic: names('topic'), tag: names('tag') };
}
