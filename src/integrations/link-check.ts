import fs from 'node:fs';
import type { AstroIntegration } from 'astro';
import { checkLinks, formatProblems } from '../lib/link-checker';
import { cachedCorpus, type CorpusOptions } from '../markdown/corpus-cache';

/**
 * Checks every link of every note before anything renders. A build stops with all offenders
 * listed at once (`file:line → target (reason)`); the dev server only warns, so writing goes on.
 */
export function linkCheck(options: CorpusOptions): AstroIntegration {
  const run = () => {
    const problems = checkLinks(cachedCorpus(options), { includeDrafts: options.includeDrafts, fileExists: fs.existsSync });
    return problems.length === 0 ? undefined : `Broken links (${problems.length}):\n${formatProblems(problems)}`;
  };
  return {
    name: 'link-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const report = run();
        if (report) throw new Error(report);
        logger.info('all links resolve');
      },
      'astro:server:start': ({ logger }) => {
        const report = run();
        if (report) logger.warn(report);
      },
    },
  };
}
