/**
 * `npm run check:links [-- --drafts]`: every broken link and every code block without a known
 * language, all listed at once, without building the site (a second or two instead of a build).
 * The same checks the build runs first (src/corpus/checks/index.ts), on CONTENT_DIR.
 *
 * Run by Node's own TypeScript support. The site's modules import each other without the `.ts`
 * extension (Vite resolves that, Node does not), so npm runs this with the small resolve hook
 * scripts/verify-snippets/resolve-ts.ts loaded by `--import`: no extra tool, no build step.
 */
import path from 'node:path';
import { contentDir } from '../src/corpus/content-dir.ts';
import { findContentProblems, formatContentProblems } from '../src/corpus/checks/index.ts';
import { readCorpus } from '../src/corpus/read.ts';

const includeDrafts = process.argv.includes('--drafts');
const notesDir = path.join(contentDir(), 'notes');
const corpus = readCorpus(notesDir);
const problems = findContentProblems(corpus, includeDrafts);
const report = formatContentProblems(problems);
if (report) {
  console.error(report);
  console.error(`\ncheck:links: ${problems.links.length + problems.fences.length} problem(s) in ${path.relative(process.cwd(), notesDir) || notesDir}`);
  process.exit(1);
}
console.log(`check:links: ${corpus.notes.size} notes${includeDrafts ? ' (drafts included)' : ''}: all links resolve; every code block names a known language`);
