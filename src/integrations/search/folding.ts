import { Converter } from 'opencc-js';
import type { DictLike } from 'opencc-js/core';
import { configs } from 'opencc-js/preset';
import type { FoldTable } from '../../lib/search/format';
import { hanPairs } from '../../lib/search/terms';
import type { CorpusVocabulary } from './build-index';

/**
 * The Traditional → Simplified table the browser folds queries with, made at build time from
 * OpenCC's Taiwan-phrase conversion (`twp` → `cn`: 記憶體 → 内存, 執行緒 → 线程, 進程 → 进程) and
 * restricted to what can find something: a character is kept when its Simplified form occurs in
 * the notes, a phrase when its conversion occurs in the notes and differs from converting it
 * character by character. The whole dictionary would be about 110 KB; this is a few KB, and it is
 * fetched only for a query with a character the notes do not use.
 */
const convert = Converter({ from: 'twp', to: 'cn' });

function dictKeys(dict: DictLike): string[] {
  const entries = typeof dict === 'string' ? dict.split('|').map((line) => line.split(' ')[0] ?? '') : dict.map(([key]) => key);
  return entries.filter(Boolean);
}

/** Every source string OpenCC's Taiwan → mainland conversion knows. */
function candidates(): Set<string> {
  const { conversionChain } = configs!['tw2sp']!;
  return new Set(conversionChain.flat().flatMap((dict) => dictKeys(dict)));
}

/** Whether the notes hold this Simplified phrase (all its character pairs are indexed). */
function inCorpus(phrase: string, corpus: CorpusVocabulary): boolean {
  return [...phrase].every((char) => corpus.hasChar(char)) && hanPairs(phrase).every((pair) => corpus.hasTerm(pair));
}

export function foldTable(corpus: CorpusVocabulary): FoldTable {
  const all = candidates();
  const chars = new Map<string, string>();
  for (const key of all) {
    if ([...key].length !== 1) continue;
    const simplified = convert(key);
    if (simplified !== key && [...simplified].length === 1 && corpus.hasChar(simplified)) chars.set(key, simplified);
  }
  const table: FoldTable = [...chars];
  for (const key of all) {
    if ([...key].length < 2) continue;
    const simplified = convert(key);
    const byCharacter = [...key].map((char) => chars.get(char) ?? char).join('');
    if (simplified !== byCharacter && inCorpus(simplified, corpus)) table.push([key, simplified]);
  }
  return table.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
