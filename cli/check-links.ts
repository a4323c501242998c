/**
 * `npm run check:links [-- --drafts]`: every content problem the build would stop on (files and
 * folders, encoding, broken links, code fences, raw HTML), all listed at once, without building
 * the site (a second or two instead of a build). The same checks the build runs first, on CONTENT_DIR.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findContentProblems, formatContentProblems, problemCount } from '../src/corpus/checks/index';
import { notesDir } from '../src/corpus/content-dir';
import { readCorpus } from '../src/corpus/read';

const { values } = parseArgs({ options: { drafts: { type: 'boolean', default: false } } });
const includeDrafts = values.drafts;
const dir = notesDir();
const corpus = readCorpus(dir);
const problems = findContentProblems(corpus, includeDrafts);
const count = problemCount(problems);
if (count > 0) {
  console.error(formatContentProblems(problems));
  console.error(`\ncheck:links: ${count} problem(s) in ${path.relative(process.cwd(), dir) || dir}`);
  process.exit(1);
}
console.log(`check:links: ${corpus.notes.size} notes${includeDrafts ? ' (drafts included)' : ''}: all links resolve; every code block names a known language`);
