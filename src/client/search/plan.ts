import { HAN, hanPairs, latinTokens, normalize, wordPairs } from '../../lib/search/terms';

/**
 * What a query asks for, in terms of the index (terms.ts):
 * - the **phrase**: the query as typed (normalised); a page has it when one passage holds every
 *   term of it (its character pairs, words, compounds, word pairs);
 * - its **units**: the words a reader meant. Chinese is cut with the browser's word segmenter,
 *   and single characters it leaves in a row are put back together (挂|了 → 挂了, 分|区 → 分区),
 *   since a lone character is a guess, not a word; a lone character between words (的) is optional.
 *   A unit that is a word of a synonym group (content/synonyms.yaml) may be matched by any word
 *   of its group.
 */
export interface Lookup {
  term: string;
  /** Matches every indexed term that starts with `term`. */
  prefix: boolean;
}

export interface Alternative {
  text: string;
  /** All of these in one passage: the alternative is there. */
  lookups: Lookup[];
  /** The words as typed, not a synonym. */
  literal: boolean;
  /**
   * A Chinese word the segmenter cuts into smaller words (丢消息 → 丢 消息): found "as its parts"
   * when one passage holds them all, for notes that say it another way (消息就丢了).
   */
  parts?: { words: string[]; lookups: Lookup[] } | undefined;
}

export interface Unit {
  text: string;
  alternatives: Alternative[];
  required: boolean;
}

/** Two words next to each other in the query, looked up as they stand (自动 重启 → 自动重启). */
export interface Neighbours {
  units: [number, number];
  lookups: Lookup[];
}

export interface QueryPlan {
  phrase: string;
  lookups: Lookup[];
  units: Unit[];
  neighbours: Neighbours[];
}

/** A Latin word shorter than this is matched whole even while it is being typed. */
const PREFIX_MIN = 3;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export function planQuery(query: string, synonyms: readonly string[][]): QueryPlan {
  const normal = normalize(query).replace(/["“”]/g, ' ');
  // A query that does not end in a space is still being typed: its last word may be a prefix.
  const typing = !/\s$/.test(normal);
  const phrase = normal.replace(/\s+/g, ' ').trim();
  if (!phrase) return { phrase, lookups: [], units: [], neighbours: [] };
  const units: Unit[] = [];
  let last = 0;
  for (const span of synonymSpans(phrase, synonyms)) {
    units.push(...plainUnits(phrase.slice(last, span.start)));
    const text = phrase.slice(span.start, span.end);
    const others = span.group.filter((word) => word !== text);
    units.push({
      text,
      alternatives: [text, ...others].map((word, i) => alternative(word, i === 0)),
      required: true,
    });
    last = span.end;
  }
  units.push(...plainUnits(phrase.slice(last)));
  if (!units.some((unit) => unit.required)) for (const unit of units) unit.required = true;
  // The last Latin word of a query being typed is a prefix, in the units as in the phrase.
  const tail = units.at(-1)?.alternatives[0];
  if (typing && tail && !HAN.test(tail.text)) tail.lookups = lookupsOf(tail.text, true);
  return { phrase, lookups: lookupsOf(phrase, typing), units, neighbours: neighbours(phrase, units, typing) };
}

/** Each pair of consecutive units, as the stretch of the phrase from the first to the second. */
function neighbours(phrase: string, units: readonly Unit[], typing: boolean): Neighbours[] {
  const spans: [number, number][] = [];
  let cursor = 0;
  for (const unit of units) {
    const start = phrase.indexOf(unit.text, cursor);
    spans.push([start, start + unit.text.length]);
    cursor = start + unit.text.length;
  }
  return units.slice(1).map((_, i) => ({
    units: [i, i + 1],
    lookups: lookupsOf(phrase.slice(spans[i]![0], spans[i + 1]![1]), typing && i + 2 === units.length),
  }));
}

interface Span {
  start: number;
  end: number;
  group: readonly string[];
}

/** Where the phrase holds a synonym, longest words first, Latin words only whole. */
function synonymSpans(phrase: string, groups: readonly string[][]): Span[] {
  const words = groups.flatMap((group) => group.map((word) => ({ word, group }))).sort((a, b) => b.word.length - a.word.length);
  const spans: Span[] = [];
  for (const { word, group } of words) {
    for (let start = phrase.indexOf(word); start !== -1; start = phrase.indexOf(word, start + 1)) {
      const end = start + word.length;
      const bounded = HAN.test(word) || (!WORD_CHAR.test(phrase[start - 1] ?? '') && !WORD_CHAR.test(phrase[end] ?? ''));
      if (bounded && !spans.some((span) => start < span.end && span.start < end)) spans.push({ start, end, group });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Units of text without synonyms: Latin words or compounds, and Chinese words. */
function plainUnits(text: string): Unit[] {
  const units: Unit[] = [];
  const add = (word: string, required = true) => units.push({ text: word, alternatives: [alternative(word, true)], required });
  for (const chunk of text.split(' ').filter(Boolean)) {
    for (const run of chunk.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? []) {
      if (HAN.test(run)) for (const word of chineseWords(run)) add(word, [...word].length > 1);
      else for (const { token } of latinTokens(run)) add(token);
    }
  }
  return units;
}

function alternative(text: string, literal: boolean): Alternative {
  const words = HAN.test(text) ? [...segmenter.segment(text)].map(({ segment }) => segment).filter((word) => word.trim()) : [];
  const parts = words.length > 1 && words.some((word) => [...word].length > 1) ? { words, lookups: words.flatMap((word) => lookupsOf(word, false)) } : undefined;
  return { text, lookups: lookupsOf(text, false), literal, parts };
}

/** Segmenter words, with runs of single characters joined back together. */
function chineseWords(run: string): string[] {
  const words: string[] = [];
  let singles = '';
  for (const { segment } of segmenter.segment(run)) {
    if ([...segment].length === 1) singles += segment;
    else {
      if (singles) words.push(singles);
      singles = '';
      words.push(segment);
    }
  }
  if (singles) words.push(singles);
  return words;
}

/** The index terms that together say "this text is here" (terms.ts makes the same ones). */
export function lookupsOf(text: string, typing: boolean): Lookup[] {
  const lookups = new Map<string, boolean>();
  const add = (term: string, prefix = false) => lookups.set(term, (lookups.get(term) ?? false) || prefix);
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) for (const pair of hanPairs(run)) add(pair);
  const tokens = latinTokens(text);
  tokens.forEach(({ token, compound }, i) => {
    // A compound is looked up as a prefix: `-xmx` finds `-xmx512m`, `restart=` finds `restart=always`.
    if (compound) add(token, true);
    else add(token, typing && i === tokens.length - 1 && token.length >= PREFIX_MIN);
  });
  const pairs = wordPairs(text);
  pairs.forEach((pair, i) => add(pair, typing && i === pairs.length - 1));
  return [...lookups].map(([term, prefix]) => ({ term, prefix }));
}
