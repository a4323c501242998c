import type { Posting } from '../../lib/search/codec';
import { latinWords, normalize } from '../../lib/search/terms';
import type { Lookup, QueryPlan, Unit } from './plan';

/**
 * Orders the pages a query finds, from the index alone (no page text is fetched to rank):
 * 1. `phrase`: one passage holds the whole query as typed;
 * 2. `near`: one passage holds every word of it, a synonym standing in for a word where needed
 *    (消息丢失 finds a note saying 丢消息);
 * 3. `terms`: the page holds every word, not together, or a word only as its parts (丢 and 消息);
 * 4. `partial`: some of the words (the more the better); shown as partial matches.
 * A page holding none of the query's words whole is not a result: a prefix of one word or a lone
 * character is not enough, so a query no note contains finds nothing instead of near misses.
 * Within a group a title holding the phrase comes first; then BM25 over the words (a synonym
 * counts a little less than the word typed, a word found only as its parts less again), the words
 * in the title, and ln(1 + occurrences of the phrase).
 */
export type MatchKind = 'phrase' | 'near' | 'terms' | 'partial';

export interface RankedPage {
  page: number;
  match: MatchKind;
  /** The match this page makes without the phrase (if the text shows the index was wrong). */
  fallback: MatchKind;
  /** Passages to take the excerpt from, best first. */
  passages: number[];
  /** What to mark in the excerpt and on the page: the phrase, or the words found. */
  marks: string[];
  /** The words of the query (or their synonyms, or their parts) the page holds. */
  words: string[];
  /** Words of synonym groups the page was found by. */
  synonyms: string[];
}

export interface RankInput {
  plan: QueryPlan;
  postings: (lookup: Lookup) => Posting[];
  pages: readonly { path: string; title: string; length: number }[];
  averageLength: number;
  /** Pages the filters allow. */
  allowed: (page: number) => boolean;
}

interface Found {
  count: number;
  passages: number[];
}

interface UnitPage extends Found {
  /** Found as the word typed or a synonym, not only as parts. */
  whole: boolean;
  words: Set<string>;
  synonyms: Set<string>;
}

interface UnitHits {
  unit: Unit;
  pages: Map<number, UnitPage>;
  idf: number;
}

export const MATCH_ORDER: Record<MatchKind, number> = { phrase: 0, near: 1, terms: 2, partial: 3 };
const WEIGHT = { literal: 1, synonym: 0.8, parts: 0.5 };
/** A title holding the whole query adds this much; one holding part of it, that share of it. */
const TITLE_BONUS = 2;
/**
 * A topic's hub page sums up its notes in a few short paragraphs, so it holds many words in little
 * text and would outscore the note it points to; the note about the term is the better answer.
 */
const HUB_WEIGHT = 0.8;
/** Two of the query's words standing together as typed count as much as this share of theirs again. */
const NEIGHBOUR_WEIGHT = 1;
const [K1, B] = [1.2, 0.3];

/** Pages where one passage holds every lookup, with the fewest occurrences of any of them. */
export function together(lookups: readonly Lookup[], postings: (lookup: Lookup) => Posting[]): Map<number, Found> {
  let found: Map<number, Found> | undefined;
  for (const lookup of lookups) {
    const next = new Map<number, Found>();
    for (const { page, count, passages } of postings(lookup)) {
      const seen = found ? found.get(page) : { count, passages };
      if (!seen) continue;
      const shared = found ? passages.filter((p) => seen.passages.includes(p)) : passages;
      if (shared.length > 0) next.set(page, { count: Math.min(count, seen.count), passages: shared });
    }
    found = next;
  }
  return found ?? new Map();
}

function unitHits(unit: Unit, input: RankInput): UnitHits {
  const pages = new Map<number, UnitPage>();
  const record = (evidence: Map<number, Found>, weight: number, whole: boolean, words: readonly string[], synonym: boolean) => {
    for (const [page, found] of evidence) {
      if (!input.allowed(page)) continue;
      const hit = pages.get(page) ?? { count: 0, passages: [], whole: false, words: new Set<string>(), synonyms: new Set<string>() };
      hit.count = Math.max(hit.count, found.count * weight);
      hit.passages = [...new Set([...hit.passages, ...found.passages])].sort((a, b) => a - b);
      hit.whole ||= whole;
      for (const word of words) hit.words.add(word);
      if (synonym) hit.synonyms.add(words[0]!);
      pages.set(page, hit);
    }
  };
  for (const alternative of unit.alternatives) {
    const weight = alternative.literal ? WEIGHT.literal : WEIGHT.synonym;
    record(together(alternative.lookups, input.postings), weight, true, [alternative.text], !alternative.literal);
  }
  for (const alternative of unit.alternatives) {
    if (!alternative.parts) continue;
    const parts = together(alternative.parts.lookups, input.postings);
    for (const page of pages.keys()) parts.delete(page);
    record(parts, WEIGHT.parts, false, alternative.parts.words, false);
  }
  const idf = Math.log(1 + (input.pages.length - pages.size + 0.5) / (pages.size + 0.5));
  return { unit, pages, idf };
}

function bm25(count: number, idf: number, length: number, average: number): number {
  return (idf * count * (K1 + 1)) / (count + K1 * (1 - B + (B * length) / Math.max(1, average)));
}

/** Passages shared by every unit on the page (only whole matches count). */
function sharedPassages(units: readonly UnitHits[], page: number): number[] {
  let shared: number[] | undefined;
  for (const hits of units) {
    const hit = hits.pages.get(page);
    if (!hit?.whole) return [];
    shared = shared ? shared.filter((p) => hit.passages.includes(p)) : hit.passages;
  }
  return shared ?? [];
}

/** The query's words that stand together on the page as they do in the query. */
function neighbourBonus(page: number, units: readonly UnitHits[], neighbours: readonly Map<number, Found>[], input: RankInput): number {
  return input.plan.neighbours.reduce((sum, { units: [a, b] }, i) => {
    if (!neighbours[i]!.has(page)) return sum;
    return sum + NEIGHBOUR_WEIGHT * ((units[a]!.idf + units[b]!.idf) / 2);
  }, 0);
}

/**
 * How much of a word the title holds: all of it (1), or for a config key the share of its words
 * (`Restart=always` in a title saying `Restart=`: ½).
 */
function inTitle(words: Iterable<string>, title: string): number {
  let best = 0;
  const titleWords = new Set(latinWords(title));
  for (const word of words) {
    if (title.includes(word)) return 1;
    const parts = latinWords(word);
    if (parts.length > 1) best = Math.max(best, parts.filter((part) => titleWords.has(part)).length / parts.length);
  }
  return best;
}

function rankOne(page: number, units: readonly UnitHits[], phrase: Map<number, Found>, neighbours: readonly Map<number, Found>[], input: RankInput) {
  const required = units.filter((hits) => hits.unit.required);
  const present = required.filter((hits) => hits.pages.has(page));
  const near = sharedPassages(required, page);
  const fallback: MatchKind = near.length > 0 ? 'near' : present.length === required.length ? 'terms' : 'partial';
  const literal = phrase.get(page);
  const match: MatchKind = literal ? 'phrase' : fallback;
  const { title: rawTitle, length } = input.pages[page]!;
  const title = normalize(rawTitle);
  const found = units.flatMap((hits) => {
    const hit = hits.pages.get(page);
    return hit ? [{ hits, hit }] : [];
  });
  const totalIdf = units.reduce((sum, hits) => sum + (hits.unit.required ? hits.idf : 0), 0);
  const hub = !input.pages[page]!.path.slice(0, -1).includes('/');
  const score =
    (hub ? HUB_WEIGHT : 1) *
    (found.reduce((sum, { hits, hit }) => sum + bm25(hit.count, hits.idf, length, input.averageLength), 0) +
      (TITLE_BONUS * found.reduce((sum, { hits, hit }) => sum + hits.idf * inTitle(hit.words, title), 0)) / Math.max(1e-9, totalIdf) +
      neighbourBonus(page, units, neighbours, input) +
      Math.log1p(literal?.count ?? 0));
  const best = [...found].sort((a, b) => b.hits.idf - a.hits.idf)[0];
  const passages = literal?.passages ?? (near.length > 0 ? near : (best?.hit.passages ?? []));
  const words = [...new Set(found.flatMap(({ hit }) => [...hit.words]))];
  const result: RankedPage = {
    page,
    match,
    fallback,
    // The title and description (passage 0) make a poor excerpt when the body has the words too.
    passages: [...passages.filter((p) => p !== 0), ...passages.filter((p) => p === 0)],
    marks: match === 'phrase' ? [input.plan.phrase] : words,
    words,
    synonyms: [...new Set(found.flatMap(({ hit }) => [...hit.synonyms]))],
  };
  return { result, present: present.length, phraseInTitle: literal !== undefined && title.includes(input.plan.phrase), score };
}

export function rankPages(input: RankInput): RankedPage[] {
  const units = input.plan.units.map((unit) => unitHits(unit, input));
  const phrase = together(input.plan.lookups, input.postings);
  const neighbours = input.plan.neighbours.map((pair) => together(pair.lookups, input.postings));
  const candidates = new Set(units.filter((hits) => hits.unit.required).flatMap((hits) => [...hits.pages.keys()]));
  const ranked = [...candidates].map((page) => rankOne(page, units, phrase, neighbours, input));
  ranked.sort(
    (a, b) =>
      MATCH_ORDER[a.result.match] - MATCH_ORDER[b.result.match] ||
      b.present - a.present ||
      b.score - a.score ||
      a.result.page - b.result.page,
  );
  return ranked.map(({ result }) => result);
}
