import type { Posting } from '../../lib/search/codec';
import { excerptOf, holds, type Excerpt } from './excerpt';
import { foldQuery } from './fold';
import { loadSearchIndex, type SearchIndex } from './index-data';
import { planQuery, type Lookup } from './plan';
import { MATCH_ORDER, rankPages, type MatchKind, type RankedPage } from './rank';

export type { MatchKind } from './rank';

export interface SearchFilters {
  topic?: string | undefined;
  tag?: string | undefined;
}

export interface SearchResult {
  /** The note, with the words to mark (`?highlight=`) and, once the excerpt is in, the section. */
  url: string;
  title: string;
  topic: string | undefined;
  tags: string[];
  match: MatchKind;
  /** Filled by `loadExcerpt`. */
  excerpt: Excerpt | undefined;
  ranked: RankedPage;
}

export interface SearchResponse {
  /** The query as searched: trimmed and folded to Simplified Chinese. */
  query: string;
  results: SearchResult[];
  /** Words of synonym groups the results were found by, not typed. */
  synonyms: string[];
}

/** Results whose excerpts are in before the list is first shown; later ones load as they scroll in. */
export const FIRST_EXCERPTS = 5;

export async function searchNotes(base: string, rawQuery: string, filters: SearchFilters = {}): Promise<SearchResponse> {
  const index = await loadSearchIndex(base);
  const query = await foldQuery(rawQuery.trim(), index);
  const { meta } = index;
  const topic = filters.topic ? meta.topics.indexOf(filters.topic) : undefined;
  const tag = filters.tag ? meta.tags.indexOf(filters.tag) : undefined;
  const allowed = (page: number) =>
    (topic === undefined || meta.pages[page]!.topic === topic) && (tag === undefined || meta.pages[page]!.tags.includes(tag));
  const plan = planQuery(rawQuery.endsWith(' ') ? `${query} ` : query, meta.synonyms);
  let ranked: RankedPage[];
  if (!plan.phrase) {
    if (topic === undefined && tag === undefined) return { query, results: [], synonyms: [] };
    ranked = meta.pages.flatMap((_, page) => (allowed(page) ? [listed(page)] : []));
  } else {
    const lookups = [
      ...plan.lookups,
      ...plan.neighbours.flatMap((pair) => pair.lookups),
      ...plan.units.flatMap((unit) => unit.alternatives.flatMap((a) => [...a.lookups, ...(a.parts?.lookups ?? [])])),
    ];
    const postings = await fetchPostings(index, lookups);
    ranked = rankPages({ plan, postings: (lookup) => postings.get(key(lookup)) ?? [], pages: meta.pages, averageLength: meta.averageLength, allowed });
  }
  const results = ranked.map((page) => toResult(base, index, page));
  await Promise.all(results.slice(0, FIRST_EXCERPTS).map((result) => loadExcerpt(base, result)));
  // A result the index took for the whole phrase but whose text says otherwise moves down its group.
  results.sort((a, b) => MATCH_ORDER[a.match] - MATCH_ORDER[b.match]);
  return { query, results, synonyms: [...new Set(ranked.flatMap((page) => page.synonyms))] };
}

/** A page listed by the filters alone: its description, nothing marked. */
const listed = (page: number): RankedPage => ({ page, match: 'phrase', fallback: 'phrase', passages: [0], marks: [], words: [], synonyms: [] });

const key = (lookup: Lookup) => `${lookup.prefix ? '*' : '='}${lookup.term}`;

async function fetchPostings(index: SearchIndex, lookups: Lookup[]): Promise<Map<string, Posting[]>> {
  const unique = [...new Map(lookups.map((lookup) => [key(lookup), lookup])).values()];
  const lists = await Promise.all(unique.map((lookup) => index.postings(lookup.term, lookup.prefix)));
  return new Map(unique.map((lookup, i) => [key(lookup), lists[i]!]));
}

function toResult(base: string, index: SearchIndex, ranked: RankedPage): SearchResult {
  const page = index.meta.pages[ranked.page]!;
  return {
    url: noteUrl(base, page.path, ranked.marks, ''),
    title: page.title,
    topic: index.meta.topics[page.topic],
    tags: page.tags.map((tag) => index.meta.tags[tag]!),
    match: ranked.match,
    excerpt: undefined,
    ranked,
  };
}

/** The note's address with the words to mark on it and the section to land on. */
export function noteUrl(base: string, path: string, marks: readonly string[], anchor: string): string {
  const query = marks.length > 0 ? `?${marks.map((mark) => `highlight=${encodeURIComponent(mark)}`).join('&')}` : '';
  return `${base}${path}${query}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
}

/**
 * Fetches the text file holding the result's best passage and makes its excerpt. A phrase match
 * is checked against the text; if no passage of that file holds the phrase, the result becomes
 * the kind of match its words make.
 */
export async function loadExcerpt(base: string, result: SearchResult): Promise<SearchResult> {
  const index = await loadSearchIndex(base);
  const { ranked } = result;
  const page = index.meta.pages[ranked.page]!;
  const where = packOf(page.packs, ranked.passages[0] ?? 0);
  const pack = await index.pack(ranked.page, where.pack);
  const inPack = ranked.passages.filter((p) => p >= where.first && p < where.first + pack.length).map((p) => pack[p - where.first]!);
  let passage = inPack[0] ?? pack[0]!;
  let marks = ranked.marks;
  if (ranked.match === 'phrase' && ranked.marks.length > 0) {
    const verified = inPack.find((candidate) => holds(candidate, ranked.marks[0]!));
    if (verified) passage = verified;
    else [result.match, marks] = [ranked.fallback, ranked.words];
  }
  result.excerpt = excerptOf(passage, marks);
  result.url = noteUrl(base, page.path, marks, passage.anchor);
  return result;
}

/** Which text file of a page holds a passage, and the number of that file's first passage. */
function packOf(packs: readonly number[], passage: number): { pack: number; first: number } {
  let first = 0;
  for (let pack = 0; pack < packs.length; pack++) {
    if (passage < first + packs[pack]!) return { pack, first };
    first += packs[pack]!;
  }
  return { pack: 0, first: 0 };
}

/** Topic and tag names for the filters, from the index's meta file (no other request). */
export async function availableFilters(base: string): Promise<{ topic: string[]; tag: string[] }> {
  const { meta } = await loadSearchIndex(base);
  const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN');
  return { topic: [...meta.topics].sort(byName), tag: [...meta.tags].sort(byName) };
}
