import { latinWords, normalize } from '../../lib/search/terms';
import type { Found, UnitHits } from './evidence';
import type { QueryPlan } from './plan';

/**
 * How well a page answers a query, among pages of the same kind of match: BM25 over the query's
 * words, a bonus for the words in the title, a bonus for words standing together as typed
 * (自动重启 in 进程挂了自动重启), and ln(1 + occurrences of the whole phrase).
 */
const [K1, B] = [1.2, 0.3];
/** A title holding the whole query adds this much; one holding part of it, that share of it. */
const TITLE_BONUS = 2;
/** Two of the query's words standing together as typed count as much as theirs again. */
const NEIGHBOUR_WEIGHT = 1;
/**
 * A topic's hub page sums up its notes in a few short paragraphs, so it holds many words in little
 * text and would outscore the note it points to; the note about the term is the better answer.
 */
const HUB_WEIGHT = 0.8;

export interface PageInfo {
  path: string;
  title: string;
  length: number;
}

interface Title {
  text: string;
  words: Set<string>;
}

/** Titles normalised once per set of pages, not once per query and page. */
const titleCache = new WeakMap<readonly PageInfo[], Title[]>();
function titles(pages: readonly PageInfo[]): Title[] {
  let cached = titleCache.get(pages);
  if (!cached) {
    cached = pages.map((page) => {
      const text = normalize(page.title);
      return { text, words: new Set(latinWords(text)) };
    });
    titleCache.set(pages, cached);
  }
  return cached;
}

/**
 * How much of a word the title holds: all of it (1), or for a config key the share of its words
 * (`Restart=always` in a title saying `Restart=`: ½).
 */
function inTitle(words: readonly string[], title: Title): number {
  let best = 0;
  for (const word of words) {
    if (title.text.includes(word)) return 1;
    const parts = latinWords(word);
    if (parts.length > 1) best = Math.max(best, parts.filter((part) => title.words.has(part)).length / parts.length);
  }
  return best;
}

export interface Scoring {
  plan: QueryPlan;
  units: readonly UnitHits[];
  neighbours: readonly Map<number, Found>[];
  pages: readonly PageInfo[];
  averageLength: number;
}

export function score(scoring: Scoring, page: number, phraseCount: number): number {
  const { units, pages, averageLength } = scoring;
  const { length, path } = pages[page]!;
  const title = titles(pages)[page]!;
  let words = 0;
  let inTitles = 0;
  let requiredIdf = 0;
  for (const hits of units) {
    if (hits.unit.required) requiredIdf += hits.idf;
    const hit = hits.pages.get(page);
    if (!hit) continue;
    words += (hits.idf * hit.count * (K1 + 1)) / (hit.count + K1 * (1 - B + (B * length) / Math.max(1, averageLength)));
    inTitles += hits.idf * inTitle(hit.words, title);
  }
  const together = scoring.plan.neighbours.reduce(
    (sum, { units: [a, b] }, i) => (scoring.neighbours[i]!.has(page) ? sum + NEIGHBOUR_WEIGHT * ((units[a]!.idf + units[b]!.idf) / 2) : sum),
    0,
  );
  const hub = !path.slice(0, -1).includes('/');
  return (hub ? HUB_WEIGHT : 1) * (words + (TITLE_BONUS * inTitles) / Math.max(1e-9, requiredIdf) + together + Math.log1p(phraseCount));
}
