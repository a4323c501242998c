import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { corpusModel, type CorpusOptions } from '../../corpus/cache';
import { parseFenceMeta } from '../code-blocks/fence-meta';
import { diagramFiles, FOLDER, standaloneSvg, STYLESHEET, stylesheet, writeFiles } from './files';
import { renderDiagram, renderStats } from './render';
import { DiagramError } from './source';
import { stopValidator } from './validate';

export interface DiagramCheck {
  /** `file:line  message`, one per diagram that cannot be drawn. */
  errors: string[];
  /** `file:line  …`, one per diagram without accTitle. */
  warnings: string[];
  count: number;
}

const shown = (file: string) => path.relative(process.cwd(), file) || file;

/**
 * Renders every ```mermaid fence of every note (drafts too: they must build in `astro dev`),
 * before any page: a build stops with all the diagrams that cannot be drawn, at once. The renders
 * land in the cache, so the pages' own pass (remark-diagrams.ts) only reads them back.
 */
export async function checkDiagrams(options: CorpusOptions): Promise<DiagramCheck> {
  const result: DiagramCheck = { errors: [], warnings: [], count: 0 };
  for (const note of corpusModel(options).corpus.notes.values()) {
    for (const fence of note.fences) {
      if (fence.lang?.toLowerCase() !== 'mermaid') continue;
      result.count++;
      const caption = parseFenceMeta(fence.meta).title;
      try {
        const diagram = await renderDiagram(fence.code);
        diagramFiles.set(`${diagram.hash}.svg`, { content: standaloneSvg(diagram, caption), draft: note.draft });
        if (!diagram.accTitle) {
          result.warnings.push(
            `${shown(note.file)}:${fence.line}  diagram without accTitle: screen readers hear ${caption ? `its caption "${caption}"` : 'only its kind'}; add "accTitle: …" (and "accDescr: …")`,
          );
        }
      } catch (error) {
        const line = fence.line + (error instanceof DiagramError ? error.line : 0);
        result.errors.push(`${shown(note.file)}:${line}  ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return result;
}

/** Serves `<base>diagrams/…` in `astro dev` from what this process rendered. */
function devFiles(base: string): Plugin {
  const prefix = `${base.replace(/\/?$/, '/')}${FOLDER}/`;
  return {
    name: 'notes:diagram-files',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        const name = url.startsWith(prefix) ? decodeURIComponent(url.slice(prefix.length)) : undefined;
        const content = name === STYLESHEET ? stylesheet() : name ? diagramFiles.get(name)?.content : undefined;
        if (content === undefined) return next();
        res.setHeader('content-type', name === STYLESHEET ? 'text/css; charset=utf-8' : 'image/svg+xml; charset=utf-8');
        res.end(content);
      });
    },
  };
}

/** Checks and renders the diagrams before the build, serves their files in dev, writes them after the build. */
export function diagramsIntegration(options: CorpusOptions & { base: string }): AstroIntegration {
  return {
    name: 'diagrams',
    hooks: {
      'astro:config:setup': async ({ command, logger, updateConfig }) => {
        if (command !== 'build' && command !== 'dev') return;
        if (command === 'dev') updateConfig({ vite: { plugins: [devFiles(options.base)] } });
        const started = performance.now();
        const check = await checkDiagrams(options);
        await stopValidator();
        const problems = check.errors.length > 0 ? `Diagrams that cannot be drawn (${check.errors.length}):\n${check.errors.map((e) => `  ${e}`).join('\n')}` : '';
        if (problems && command === 'build') throw new Error(problems);
        if (problems) logger.warn(problems);
        if (check.warnings.length > 0) logger.warn(`Diagrams without a title of their own (${check.warnings.length}):\n${check.warnings.map((w) => `  ${w}`).join('\n')}`);
        const { rendered, cached } = renderStats;
        logger.info(`${check.count} diagrams: ${rendered} rendered, ${cached} from the cache, in ${Math.round(performance.now() - started)} ms`);
      },
      'astro:build:done': ({ dir, logger }) => {
        const written = writeFiles(fileURLToPath(dir));
        logger.info(`wrote ${FOLDER}/${STYLESHEET} and ${written} full-size diagrams`);
      },
    },
  };
}
