import fs from 'node:fs';
import type { AstroIntegration } from 'astro';
import { bundledLanguagesInfo } from 'shiki';
import { checkFences } from '../lib/fence-checker';
import { checkLinks, formatProblems } from '../lib/link-checker';
import { cachedCorpus, type CorpusOptions } from '../markdown/corpus-cache';

/** Languages Shiki highlights, by id and alias, plus its plain-text names. */
const knownLanguages = new Set([
  'text', 'txt', 'plaintext', 'plain',
  ...bundledLanguagesInfo.flatMap((info) => [info.id, ...(info.aliases ?? [])]),
]);

/**
 * Checks every note before anything renders: links (notes, headings, files) and code fence
 * languages. A build stops with all offenders listed at once (`file:line → target (reason)`);
 * the dev server only warns, so writing goes on.
 */
export function contentCheck(options: CorpusOptions): AstroIntegration {
  const report = () => {
    const corpus = cachedCorpus(options);
    const links = checkLinks(corpus, { includeDrafts: options.includeDrafts, fileExists: fs.existsSync });
    const fences = checkFences(corpus, knownLanguages, options.includeDrafts);
    const parts = [];
    if (links.length > 0) parts.push(`Broken links (${links.length}):\n${formatProblems(links)}`);
    if (fences.length > 0) parts.push(`Bad code blocks (${fences.length}):\n${formatProblems(fences)}`);
    return parts.join('\n\n');
  };
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const problems = report();
        if (problems) throw new Error(problems);
        logger.info('all links resolve; every code block names a known language');
      },
      'astro:server:start': ({ logger }) => {
        const problems = report();
        if (problems) logger.warn(problems);
      },
    },
  };
}
