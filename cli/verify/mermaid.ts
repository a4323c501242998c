import { RENDERER, renderDiagram } from '../../src/integrations/diagrams/render.ts';
import { DiagramError } from '../../src/integrations/diagrams/source.ts';
import type { Checker, Outcome, Snippet } from './types.ts';

/**
 * Mermaid diagrams: the same check the build makes (src/integrations/diagrams/): Mermaid's own
 * parser accepts the block and beautiful-mermaid draws it. Renders land in the build's cache.
 */
export const mermaidChecker: Checker = {
  tool: 'mermaid',
  requires: [],
  handles: (snippet) => snippet.lang === 'mermaid',
  async version() {
    return `${RENDERER.parser} + ${RENDERER.renderer}`;
  },
  async check(snippet: Snippet): Promise<Outcome> {
    try {
      await renderDiagram(snippet.code);
      return { status: 'passed', notes: [] };
    } catch (error) {
      const line = snippet.line + (error instanceof DiagramError ? error.line : 0);
      return { status: 'failed', problems: [{ line, message: error instanceof Error ? error.message : String(error) }], notes: [] };
    }
  },
};
