/**
 * Traditional → Simplified folding for queries (進程 → 进程), with OpenCC's dictionaries.
 * The notes are written in Simplified Chinese, so folding the query is what makes a
 * Traditional query find them. The converter is loaded only for queries with Han characters.
 */
let converter: Promise<(text: string) => string> | undefined;

const HAN = /\p{Script=Han}/u;

export async function toSimplified(text: string): Promise<string> {
  if (!HAN.test(text)) return text;
  converter ??= import('opencc-js/t2cn').then((opencc) => opencc.Converter({ from: 'tw', to: 'cn' }));
  return (await converter)(text);
}
