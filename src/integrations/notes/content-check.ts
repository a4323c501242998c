import type { AstroIntegration } from 'astro';
import { findScriptInHtml } from '../../corpus/checks/raw-html';
import { formatProblems } from '../../corpus/checks/links';
import { findContentProblems, formatContentProblems } from '../../corpus/checks/index';
import { cachedCorpus, type CorpusOptions } from '../../corpus/cache';

/**
 * Checks every note before anything renders: links (notes, headings, files) and code fence
 * languages. A build stops with all offenders listed at once (`file:line → target (reason)`);
 * the dev server only warns, so writing goes on. `<script>` tags and inline event handlers in raw
 * HTML only warn, in both.
 */
export function contentCheck(options: CorpusOptions): AstroIntegration {
  const report = () => formatContentProblems(findContentProblems(cachedCorpus(options), options.includeDrafts));
  /** Scripts in raw HTML only warn: the note still builds, the CSP keeps them from running. */
  const warnings = () => {
    const scripts = findScriptInHtml(cachedCorpus(options), options.includeDrafts);
    return scripts.length > 0 ? `Raw HTML with scripts (${scripts.length}):\n${formatProblems(scripts)}` : '';
  };
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const problems = report();
        if (problems) throw new Error(problems);
        logger.info('all links resolve; every code block names a known language');
        const scripts = warnings();
        if (scripts) logger.warn(scripts);
      },
      'astro:server:start': ({ logger }) => {
        const problems = [report(), warnings()].filter(Boolean).join('\n\n');
        if (problems) logger.warn(problems);
      },
    },
  };
}
