import type { AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { corpusModel, type CorpusOptions } from '../../corpus/cache';
import { findContentProblems, formatContentProblems, problemCount } from '../../corpus/checks/index';

/**
 * Checks every note before anything renders: files and folders, encoding, links (notes, headings,
 * files), code fences and raw HTML. A build stops with all offenders listed at once
 * (`file:line → target (reason)`); the dev server only warns, so writing goes on.
 */
export function checkContent(options: CorpusOptions, command: string, logger: AstroIntegrationLogger): void {
  const problems = findContentProblems(corpusModel(options).corpus, options.includeDrafts);
  const count = problemCount(problems);
  if (count === 0) {
    logger.info('content checked: files, links, code blocks and raw HTML are all fine');
    return;
  }
  const report = formatContentProblems(problems);
  if (command !== 'build') {
    logger.warn(report);
    return;
  }
  throw new AstroError(`${count} content problem(s): the build stops before rendering anything.\n\n${report}`, 'Fix each file:line above and build again; `npm run check:links` lists them without building.');
}
