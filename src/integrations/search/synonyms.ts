import fs from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { contentDir, displayPath } from '../../corpus/content-dir';
import { normalize } from '../../lib/search/terms';

/**
 * `content/synonyms.yaml`: groups of words readers use for the same thing, one group per list
 * item (`- [挂了, 崩溃, 退出]`). A query holding one word of a group also finds notes that use the
 * others. The file is optional; a mistake stops the build with the file, the line and the group.
 */
export const SYNONYMS_FILE = 'synonyms.yaml';

const groupSchema = z
  .array(z.string({ message: 'every word must be text' }).trim().min(1, 'a word must not be empty'), {
    message: 'each group is a list of words, such as [挂了, 崩溃, 退出]',
  })
  .min(2, 'a group needs at least two words');
const fileSchema = z.array(groupSchema, { message: 'the file must be a list of groups, such as - [挂了, 崩溃, 退出]' });

export class SynonymsError extends Error {}

/** The groups, each word normalised as queries are (case and width folded). */
export function readSynonyms(dir = contentDir()): string[][] {
  const file = path.join(dir, SYNONYMS_FILE);
  if (!fs.existsSync(file)) return [];
  const lines = new LineCounter();
  const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter: lines, prettyErrors: false });
  const where = (node: unknown) => {
    const offset = (node as YamlNode | undefined)?.range?.[0];
    return `${displayPath(file)}${offset === undefined ? '' : `:${lines.linePos(offset).line}`}`;
  };
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    throw new SynonymsError(`${displayPath(file)}:${error.linePos?.[0].line ?? 1} → ${error.message.split('\n')[0]}`);
  }
  const parsed = fileSchema.safeParse(doc.toJS() ?? []);
  const items = isSeq(doc.contents) ? doc.contents.items : [];
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const [group, word] = issue.path as number[];
      const node = group === undefined ? doc.contents : word === undefined ? items[group] : (items[group] as { items?: unknown[] })?.items?.[word];
      const label = group === undefined ? '' : ` (group ${group + 1}${groupLabel(doc.toJS()?.[group])})`;
      return `${where(node)}${label} → ${issue.message}`;
    });
    throw new SynonymsError(problems.join('\n'));
  }
  return checkOverlaps(parsed.data, (group) => where(items[group]));
}

function groupLabel(group: unknown): string {
  return Array.isArray(group) && typeof group[0] === 'string' ? `: ${group.join('/')}` : '';
}

/** A word may mean one thing only: the same word in two groups, or twice in one, is a mistake. */
function checkOverlaps(groups: string[][], where: (group: number) => string): string[][] {
  const owner = new Map<string, number>();
  const problems: string[] = [];
  const normalized = groups.map((group, index) => {
    const words = group.map((word) => normalize(word).replace(/\s+/g, ' '));
    words.forEach((word, i) => {
      const first = owner.get(word);
      if (first === index) problems.push(`${where(index)} → "${group[i]}" is listed twice in ${group.join('/')}`);
      else if (first !== undefined) problems.push(`${where(index)} → "${group[i]}" is already in ${groups[first]!.join('/')} (${where(first)})`);
      else owner.set(word, index);
    });
    return words;
  });
  if (problems.length > 0) throw new SynonymsError(problems.join('\n'));
  return normalized;
}
