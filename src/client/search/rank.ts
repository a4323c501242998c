/**
 * Re-ranks Pagefind's hits so whole-term matches come first.
 *
 * Pagefind splits a Chinese query with the browser's Intl.Segmenter, which cuts some words into
 * single characters (分区 → 分|区) and lets each piece match as a prefix: a page about 分配 can
 * outrank the page about 分区, and a term that occurs nowhere (卡夫卡) falls back to a shorter
 * word (卡). We keep Pagefind's loose search for recall and its score for order, but first
 * check each hit's text for the query itself: pages containing the whole query, then pages
 * containing more whole terms, then the rest, which are shown as partial matches. Within each
 * group a page whose title holds the query comes first (titles weigh more than bodies), then
 * the higher of Pagefind's score plus ln(1 + whole occurrences): Pagefind ranks English terms
 * well, and the occurrence count settles near-ties in favour of the note that is about the term.
 */
export interface Hit {
  score: number;
  title: string;
  /** Body text of the page. */
  text: string;
}

export type MatchKind = 'phrase' | 'terms' | 'partial';

export interface RankedHit<T extends Hit> {
  hit: T;
  match: MatchKind;
  /** How many of the query's terms the page contains whole. */
  wholeTerms: number;
}

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whitespace-separated terms, lowercased; quotes are search syntax, not text. */
export function queryTerms(query: string): string[] {
  return normalize(query.replace(/["“”]/g, ' ')).split(' ').filter(Boolean);
}

function relevance(ranked: { hit: Hit; occurrences: number }): number {
  return ranked.hit.score + Math.log1p(ranked.occurrences);
}

/** Matches any of the terms, case-insensitively: for marking them in excerpts and on the page. */
export function termPattern(terms: readonly string[]): RegExp {
  return new RegExp(terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
}

export function rankHits<T extends Hit>(query: string, hits: readonly T[]): RankedHit<T>[] {
  const terms = queryTerms(query);
  const phrase = terms.join(' ');
  const ranked = hits.map((hit, index) => {
    const title = normalize(hit.title);
    const text = `${title} ${normalize(hit.text)}`;
    const inTitle = terms.length > 0 && title.includes(phrase);
    const occurrences = terms.length > 0 ? text.split(phrase).length - 1 : 0;
    const wholeTerms = terms.filter((term) => text.includes(term)).length;
    const match: MatchKind =
      terms.length > 0 && text.includes(phrase) ? 'phrase' : wholeTerms === terms.length && terms.length > 1 ? 'terms' : 'partial';
    return { hit, match, wholeTerms, inTitle, occurrences, index };
  });
  const order: Record<MatchKind, number> = { phrase: 0, terms: 1, partial: 2 };
  ranked.sort(
    (a, b) =>
      order[a.match] - order[b.match] ||
      b.wholeTerms - a.wholeTerms ||
      Number(b.inTitle) - Number(a.inTitle) ||
      relevance(b) - relevance(a) ||
      a.index - b.index,
  );
  return ranked.map(({ hit, match, wholeTerms }) => ({ hit, match, wholeTerms }));
}
