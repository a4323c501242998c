import type { ConverterFunction } from 'opencc-js/core';
import { HAN } from '../../lib/search/terms';
import type { SearchIndex } from './index-data';

/**
 * Traditional → Simplified folding of a query (記憶體 → 内存, 進程守護 → 进程守护), with the table
 * the build made for these notes (src/integrations/search/folding.ts) and OpenCC's longest-match
 * converter. The notes are Simplified: a query whose every Han character occurs in them is taken
 * as it is and no Traditional data is fetched.
 */
let converter: Promise<ConverterFunction> | undefined;

export function needsFolding(query: string, index: SearchIndex): boolean {
  return [...query.normalize('NFKC')].some((char) => HAN.test(char) && !index.hasHan(char));
}

export async function foldQuery(query: string, index: SearchIndex): Promise<string> {
  if (!needsFolding(query, index)) return query;
  // OpenCC's converter code comes with the table: a Simplified query needs neither.
  converter ??= Promise.all([import('opencc-js/core'), index.foldTable()]).then(([{ CustomConverter }, table]) => CustomConverter(table));
  return (await converter)(query.normalize('NFKC'));
}
