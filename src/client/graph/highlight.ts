/**
 * Hover and focus on the note map: the node, its neighbours and the edges between them are lit
 * (classes only), and the label layer shows their titles.
 */
import type { GraphData } from '../../lib/graph-types';
import type { LabelLayer } from './label-layer';

/** Each node's neighbours and the edges that touch it, so a hover touches only what it lights. */
export interface Adjacency {
  readonly neighbours: readonly (readonly number[])[];
  readonly edgesOf: readonly (readonly number[])[];
}

export function adjacency(data: GraphData): Adjacency {
  const neighbours = data.nodes.map(() => [] as number[]);
  const edgesOf = data.nodes.map(() => [] as number[]);
  data.edges.forEach((edge, e) => {
    neighbours[edge.source]!.push(edge.target);
    neighbours[edge.target]!.push(edge.source);
    edgesOf[edge.source]!.push(e);
    edgesOf[edge.target]!.push(e);
  });
  return { neighbours, edgesOf };
}

/** The hovered or focused node and its neighbours: only the elements it marks are touched, and unmarked again on the way out. */
export class Highlight {
  /** The lit node, or -1. */
  active = -1;
  private lit: Element[] = [];

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly nodes: readonly SVGAElement[],
    private readonly litEdges: SVGPathElement,
    private readonly labels: LabelLayer,
    private readonly links: Adjacency,
    private readonly paths: (indexes: Iterable<number>) => string,
  ) {}

  clear(): void {
    if (this.active < 0) return;
    for (const element of this.lit) element.classList.remove('is-active', 'is-neighbour');
    this.lit = [];
    this.labels.focusOn(-1, []);
    this.litEdges.setAttribute('d', '');
    this.svg.classList.remove('is-focusing');
    this.active = -1;
  }

  light(i: number): void {
    if (i === this.active) return;
    this.clear();
    this.active = i;
    this.svg.classList.add('is-focusing');
    this.nodes[i]!.classList.add('is-active');
    this.lit.push(this.nodes[i]!);
    for (const j of this.links.neighbours[i]!) {
      this.nodes[j]!.classList.add('is-neighbour');
      this.lit.push(this.nodes[j]!);
    }
    this.litEdges.setAttribute('d', this.paths(this.links.edgesOf[i]!));
    this.labels.focusOn(i, this.links.neighbours[i]!);
  }

  /** Places the lit node's titles again, for a new scale. */
  refocus(): void {
    if (this.active >= 0) this.labels.focusOn(this.active, this.links.neighbours[this.active]!);
  }
}

/** Pointer and keyboard focus light a node; leaving every node (to the focused one, if any) puts it out. */
export function followPointerAndFocus(nodeGroup: SVGGElement, highlight: Highlight, reveal: (i: number) => void): void {
  const nodeIndex = (target: EventTarget | null) => {
    const link = target instanceof Element ? target.closest('.graph-node') : null;
    return link && nodeGroup.contains(link) ? Number(link.getAttribute('data-index')) : -1;
  };
  nodeGroup.addEventListener('pointerover', (event) => {
    const i = nodeIndex(event.target);
    if (i >= 0) highlight.light(i);
  });
  nodeGroup.addEventListener('pointerout', (event) => {
    if (nodeIndex(event.relatedTarget) >= 0) return;
    const i = nodeIndex(document.activeElement);
    if (i >= 0) highlight.light(i);
    else highlight.clear();
  });
  nodeGroup.addEventListener('focusin', (event) => {
    const i = nodeIndex(event.target);
    if (i < 0) return;
    reveal(i);
    highlight.light(i);
  });
  nodeGroup.addEventListener('focusout', (event) => {
    if (nodeIndex(event.relatedTarget) < 0) highlight.clear();
  });
}
