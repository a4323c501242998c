import fs from 'node:fs';
import { bundledLanguagesInfo } from 'shiki';
import { checkFences } from './fences';
import { checkLinks, formatProblems, type LinkProblem } from './links';
import type { Corpus } from '../model';

/** Languages Shiki highlights, by id and alias, plus its plain-text names. */
export const knownLanguages: ReadonlySet<string> = new Set([
  'text', 'txt', 'plaintext', 'plain',
  ...bundledLanguagesInfo.flatMap((info) => [info.id, ...(info.aliases ?? [])]),
]);

export interface ContentProblems {
  links: LinkProblem[];
  fences: LinkProblem[];
}

/** What stops a build: broken links and code blocks without a known language. Shared by the build and `npm run check:links`. */
export function findContentProblems(corpus: Corpus, includeDrafts: boolean): ContentProblems {
  return {
    links: checkLinks(corpus, { includeDrafts, fileExists: fs.existsSync }),
    fences: checkFences(corpus, knownLanguages, includeDrafts),
  };
}

/** Every offender, one per line under a count per kind; empty when there are none. */
export function formatContentProblems({ links, fences }: ContentProblems): string {
  const parts = [];
  if (links.length > 0) parts.push(`Broken links (${links.length}):\n${formatProblems(links)}`);
  if (fences.length > 0) parts.push(`Bad code blocks (${fences.length}):\n${formatProblems(fences)}`);
  return parts.join('\n\n');
}
