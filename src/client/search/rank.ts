import type { Posting } from '../../lib/search/codec';
import { together, unitHits, type Found, type UnitHits } from './evidence';
import type { Lookup, QueryPlan } from './plan';
import { score, type PageInfo, type Scoring } from './score';

/**
 * Orders the pages a query finds, from the index alone (no page text is fetched to rank):
 * 1. `phrase`: one passage holds the whole query as typed;
 * 2. `near`: one passage holds every word of it, a synonym standing in for a word where needed
 *    (消息丢失 finds a note saying 丢消息);
 * 3. `terms`: the page holds every word, not together, or a word only as its parts (丢 and 消息);
 * 4. `partial`: some of the words (the more the better); shown as partial matches.
 * A page holding none of the query's words whole is not a result: a prefix of one word or a lone
 * character is not enough, so a query no note contains finds nothing instead of near misses.
 * Within a group pages are ordered by score.ts.
 */
export type MatchKind = 'phrase' | 'near' | 'terms' | 'partial';

export const MATCH_ORDER: Record<MatchKind, number> = { phrase: 0, near: 1, terms: 2, partial: 3 };

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
  pages: readonly PageInfo[];
  averageLength: number;
  /** Pages the filters allow. */
  allowed: (page: number) => boolean;
}

/** Passages shared by every required unit on the page (only whole matches count). */
function sharedPassages(required: readonly UnitHits[], page: number): number[] {
  let shared: number[] | undefined;
  for (const hits of required) {
    const hit = hits.pages.get(page);
    if (!hit?.whole) return [];
    shared = shared ? shared.filter((p) => hit.passages.includes(p)) : hit.passages;
  }
  return shared ?? [];
}

function rankOne(page: number, required: readonly UnitHits[], phrase: Map<number, Found>, scoring: Scoring) {
  const present = required.filter((hits) => hits.pages.has(page)).length;
  const near = sharedPassages(required, page);
  const fallback: MatchKind = near.length > 0 ? 'near' : present === required.length ? 'terms' : 'partial';
  const literal = phrase.get(page);
  const match: MatchKind = literal ? 'phrase' : fallback;
  const found = scoring.units.flatMap((hits) => hits.pages.get(page) ?? []);
  // The excerpt comes from a passage holding the phrase, else all the words, else the rarest word.
  const rarest = scoring.units.filter((hits) => hits.pages.has(page)).sort((a, b) => b.idf - a.idf)[0];
  const passages = literal?.passages ?? (near.length > 0 ? near : (rarest?.pages.get(page)!.passages ?? []));
  const words = [...new Set(found.flatMap((hit) => hit.words))];
  const result: RankedPage = {
    page,
    match,
    fallback,
    // The title and description (passage 0) make a poor excerpt when the body has the words too.
    passages: [...passages.filter((p) => p !== 0), ...passages.filter((p) => p === 0)],
    marks: match === 'phrase' ? [scoring.plan.phrase] : words,
    words,
    synonyms: [...new Set(found.flatMap((hit) => hit.synonyms))],
  };
  return { result, present, score: score(scoring, page, literal?.count ?? 0) };
}

export function rankPages(input: RankInput): RankedPage[] {
  const { plan, postings, pages, averageLength, allowed } = input;
  const units = plan.units.map((unit) => unitHits(unit, postings, allowed, pages.length));
  const required = units.filter((hits) => hits.unit.required);
  const phrase = together(plan.lookups, postings);
  const neighbours = plan.neighbours.map((pair) => together(pair.lookups, postings));
  const scoring: Scoring = { plan, units, neighbours, pages, averageLength };
  const candidates = new Set(required.flatMap((hits) => [...hits.pages.keys()]));
  const ranked = [...candidates].map((page) => rankOne(page, required, phrase, scoring));
  ranked.sort(
    (a, b) =>
      MATCH_ORDER[a.result.match] - MATCH_ORDER[b.result.match] ||
      b.present - a.present ||
      b.score - a.score ||
      a.result.page - b.result.page,
  );
  return ranked.map(({ result }) => result);
}
