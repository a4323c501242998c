import fs from 'node:fs';
import type { Corpus } from '../model';
import { checkFences } from './fences';
import { checkFrontMatter } from './front-matter';
import { checkLayout } from './layout';
import { checkLinks } from './links';
import { byPlace, formatProblems, type ContentProblem } from './problem';
import { checkRawHtml } from './raw-html';

/** Each kind of problem under its own heading, in the order an author should fix them. */
const KINDS = {
  layout: 'Files and folders',
  reading: 'Notes that cannot be read as written',
  frontMatter: 'Front matter',
  links: 'Broken links',
  fences: 'Bad code blocks',
  html: 'Raw HTML not allowed',
} as const;

export type ContentProblems = Record<keyof typeof KINDS, ContentProblem[]>;

/** Everything that stops a build, found at once. Shared by the build, the dev server and `npm run check:links`. */
export function findContentProblems(corpus: Corpus, includeDrafts: boolean): ContentProblems {
  return {
    layout: checkLayout(corpus.notesDir),
    reading: [...corpus.readProblems].sort(byPlace),
    frontMatter: checkFrontMatter(corpus, includeDrafts),
    links: checkLinks(corpus, { includeDrafts, fileExists: fs.existsSync }),
    fences: checkFences(corpus, includeDrafts),
    html: checkRawHtml(corpus, includeDrafts),
  };
}

export function problemCount(problems: ContentProblems): number {
  return Object.values(problems).reduce((sum, list) => sum + list.length, 0);
}

/** Every offender, one per line under a count per kind; empty when there are none. */
export function formatContentProblems(problems: ContentProblems, cwd = process.cwd()): string {
  return (Object.keys(KINDS) as (keyof typeof KINDS)[])
    .filter((kind) => problems[kind].length > 0)
    .map((kind) => `${KINDS[kind]} (${problems[kind].length}):\n${formatProblems(problems[kind], cwd)}`)
    .join('\n\n');
}
