import type { Posting } from '../../lib/search/codec';
import type { Lookup, Unit } from './plan';

/**
 * Where the index says a query's words are: pages, with the passages that hold them and how often.
 * Only the index is read; the text of a page is fetched later, for the few results shown.
 */
export interface Found {
  count: number;
  passages: number[];
}

export interface UnitPage extends Found {
  /** Found as the word typed or a synonym, not only as its parts. */
  whole: boolean;
  words: string[];
  synonyms: string[];
}

export interface UnitHits {
  unit: Unit;
  pages: Map<number, UnitPage>;
  /** Inverse document frequency: a word few pages hold tells more. */
  idf: number;
}

type Postings = (lookup: Lookup) => Posting[];

/** How much a page's occurrences count: a synonym a little less than the word typed, parts less again. */
const WEIGHT = { literal: 1, synonym: 0.8, parts: 0.5 };

function intersect(sorted: readonly number[], other: readonly number[]): number[] {
  const set = new Set(other);
  return sorted.filter((p) => set.has(p));
}

/** Pages where one passage holds every lookup, with the fewest occurrences of any of them. */
export function together(lookups: readonly Lookup[], postings: Postings): Map<number, Found> {
  let found: Map<number, Found> | undefined;
  for (const lookup of lookups) {
    const next = new Map<number, Found>();
    for (const { page, count, passages } of postings(lookup)) {
      const seen = found ? found.get(page) : { count, passages };
      if (!seen) continue;
      const shared = found ? intersect(passages, seen.passages) : passages;
      if (shared.length > 0) next.set(page, { count: Math.min(count, seen.count), passages: shared });
    }
    found = next;
  }
  return found ?? new Map();
}

/** Every page holding a unit: as typed, as a synonym, or (where neither) as its parts. */
export function unitHits(unit: Unit, postings: Postings, allowed: (page: number) => boolean, total: number): UnitHits {
  const pages = new Map<number, UnitPage>();
  const record = (evidence: Map<number, Found>, weight: number, whole: boolean, words: readonly string[], synonym: boolean) => {
    for (const [page, found] of evidence) {
      if (!allowed(page)) continue;
      let hit = pages.get(page);
      if (!hit) pages.set(page, (hit = { count: 0, passages: [], whole: false, words: [], synonyms: [] }));
      hit.count = Math.max(hit.count, found.count * weight);
      hit.passages = hit.passages.length === 0 ? found.passages : [...new Set([...hit.passages, ...found.passages])].sort((a, b) => a - b);
      hit.whole ||= whole;
      hit.words.push(...words.filter((word) => !hit.words.includes(word)));
      if (synonym) hit.synonyms.push(words[0]!);
    }
  };
  for (const alternative of unit.alternatives) {
    const weight = alternative.literal ? WEIGHT.literal : WEIGHT.synonym;
    record(together(alternative.lookups, postings), weight, true, [alternative.text], !alternative.literal);
  }
  for (const alternative of unit.alternatives) {
    if (!alternative.parts) continue;
    const parts = together(alternative.parts.lookups, postings);
    for (const page of pages.keys()) parts.delete(page);
    record(parts, WEIGHT.parts, false, alternative.parts.words, false);
  }
  return { unit, pages, idf: Math.log(1 + (total - pages.size + 0.5) / (pages.size + 0.5)) };
}
