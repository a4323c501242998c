import type { AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { corpusModel, type CorpusOptions } from '../../corpus/cache';
import { findContentProblems, formatContentProblems, problemCount } from '../../corpus/checks/index';

/**
 * Checks every note before anything renders: files and folders, encoding, links (notes, headings,
 * files), code fences and raw HTML. A build stops with all offenders listed at once
 * (`file:line → target (reason)`). The dev server shows the same report in the browser (dev-overlay.ts).
 */
export function checkContent(options: CorpusOptions, logger: AstroIntegrationLogger): void {
  const problems = findContentProblems(corpusModel(options).corpus, options.includeDrafts);
  const count = problemCount(problems);
  if (count === 0) {
    logger.info('content checked: files, links, code blocks and raw HTML are all fine');
    return;
  }
  const report = formatContentProblems(problems);
  throw new AstroError(`${count} content problem(s): the build stops before rendering anything.\n\n${report}`, 'Fix each file:line above and build again; `npm run check:links` lists them without building.');
}
