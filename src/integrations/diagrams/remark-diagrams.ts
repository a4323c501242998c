import type { Element } from 'hast';
import type { Code, Data, Parent, Root } from 'mdast';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parseFenceMeta } from '../code-blocks/fence-meta';
import { diagramFigure } from './figure';
import { diagramFiles, fullSizeHref, standaloneSvg, stylesheetHref } from './files';
import { renderDiagram } from './render';
import { DiagramError } from './source';

/** A fence replaced by its figure: mdast-util-to-hast turns `data.hName`/`hChildren` into that element. */
interface DiagramNode {
  type: 'diagram';
  position?: Position;
  data: Data & { hName: string; hProperties: Element['properties']; hChildren: Element['children'] };
}

declare module 'mdast' {
  interface RootContentMap {
    diagram: DiagramNode;
  }
  interface BlockContentMap {
    diagram: DiagramNode;
  }
}

export interface RemarkDiagramsOptions {
  /** The site's base path (`/`, `/kb/`): the stylesheet and full-size files live under it. */
  base: string;
}

function asNode(element: Element): DiagramNode {
  return { type: 'diagram', data: { hName: element.tagName, hProperties: element.properties, hChildren: element.children } };
}

function isDraft(file: VFile): boolean {
  const astro = file.data['astro'] as { frontmatter?: { draft?: unknown } } | undefined;
  return astro?.frontmatter?.draft === true;
}

/** Where in the note the fence's code line is: the fence's own line plus the line in the code. */
function failAt(file: VFile, fence: Code, error: unknown): never {
  const fenceLine = fence.position?.start.line ?? 0;
  const line = error instanceof DiagramError ? fenceLine + error.line : fenceLine;
  const reason = error instanceof Error ? error.message : String(error);
  file.fail(`${file.path}:${line}  ${reason}`, { place: { line, column: 1 }, source: 'diagrams', ruleId: 'mermaid' });
}

/**
 * Replaces every ```mermaid fence with its rendered figure before Shiki sees the tree (Shiki
 * highlights in rehype, after this), and links the diagrams' stylesheet once, before the first.
 */
export function remarkDiagrams(options: RemarkDiagramsOptions) {
  return async (tree: Root, file: VFile) => {
    const fences: { node: Code; index: number; parent: Parent }[] = [];
    visit(tree, 'code', (node, index, parent) => {
      if (node.lang?.toLowerCase() === 'mermaid' && parent && index !== undefined) fences.push({ node, index, parent });
    });
    for (const [n, { node, index, parent }] of fences.entries()) {
      const caption = parseFenceMeta(node.meta ?? undefined).title;
      let figure: Element;
      try {
        const diagram = await renderDiagram(node.value);
        figure = diagramFigure(diagram, { idPrefix: `diagram-${n + 1}`, caption, fullSizeHref: fullSizeHref(options.base, diagram.hash) }).element;
        // `astro dev` serves the full-size file from here (a build writes those of published notes).
        diagramFiles.set(`${diagram.hash}.svg`, { content: standaloneSvg(diagram, caption), draft: isDraft(file) });
      } catch (error) {
        failAt(file, node, error);
      }
      parent.children[index] = asNode(figure);
    }
    const first = fences[0];
    if (first) {
      const link: Element = { type: 'element', tagName: 'link', properties: { rel: ['stylesheet'], href: stylesheetHref(options.base) }, children: [] };
      first.parent.children.splice(first.index, 0, asNode(link));
    }
  };
}
