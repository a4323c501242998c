/**
 * Draws a laid-out note map as SVG, once. Every node is an `<a href>` named by its note's title,
 * so Tab reaches it, Enter opens it and tests can find it by role. Afterwards the map only
 * changes in two cheap ways: zoom and pan rewrite one `transform` (d3-zoom), and hover or focus
 * toggles classes on the node, its neighbours and the map itself, nothing else.
 */
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform } from 'd3-zoom';
import type { GraphData } from '../../lib/graph-types';
import type { Layout } from './layout';

const SVG = 'http://www.w3.org/2000/svg';
/** Colours in global.css: `.graph-c0` … `.graph-c7`. */
export const PALETTE_SIZE = 8;
/** Label size on screen, whatever the zoom. */
const LABEL_PX = 13;
/** Titles longer than this are shortened on the map. */
const LABEL_CHARS = 14;
/** Past this many neighbours a hovered node names only the first ones; the rest stay dots. */
const MAX_HOVER_LABELS = 40;

export interface RenderOptions {
  /** Topic ids in palette order (the order of topics.yaml). */
  topics: readonly string[];
  /** Accessible name of the whole map. */
  label: string;
  /** The note the page is about, drawn and announced as current. */
  current?: string;
  /** `all`: every title written out (small maps); `hubs`: topic hubs and the current note only, the rest on hover or focus. */
  labels: 'all' | 'hubs';
  /** Wheel, drag and buttons zoom and pan the full map; a local graph just fits its box. */
  zoomable: boolean;
}

export interface GraphView {
  svg: SVGSVGElement;
  zoomBy(factor: number): void;
  reset(): void;
}

/** Palette slot of a topic; an unknown topic takes the last colour. */
export function paletteSlot(topics: readonly string[], topic: string): number {
  const index = topics.indexOf(topic);
  return index < 0 ? PALETTE_SIZE - 1 : index % PALETTE_SIZE;
}

export function renderGraph(canvas: HTMLElement, data: GraphData, layout: Layout, options: RenderOptions): GraphView {
  const points = layout.nodes;
  const neighbours = data.nodes.map(() => [] as number[]);
  const edgesOf = data.nodes.map(() => [] as number[]);
  data.edges.forEach((edge, e) => {
    neighbours[edge.source]!.push(edge.target);
    neighbours[edge.target]!.push(edge.source);
    edgesOf[edge.source]!.push(e);
    edgesOf[edge.target]!.push(e);
  });
  const edgePath = (indexes: Iterable<number>) => {
    let d = '';
    for (const e of indexes) {
      const { source, target } = data.edges[e]!;
      const [a, b] = [points[source]!, points[target]!];
      d += `M${a.x} ${a.y}L${b.x} ${b.y}`;
    }
    return d;
  };

  // The view box holds the whole map, and is never smaller than the box it is drawn in, so a
  // small map keeps its nodes at full size (24 px targets) instead of being blown up or shrunk.
  const { bounds } = layout;
  const padX = options.labels === 'all' ? 200 : 100;
  const padY = 32;
  const box = { width: canvas.clientWidth || 600, height: canvas.clientHeight || 400 };
  const vw = Math.max(bounds.width + 2 * padX, box.width);
  const vh = Math.max(bounds.height + 2 * padY, box.height);
  const vx = bounds.x + bounds.width / 2 - vw / 2;
  const vy = bounds.y + bounds.height / 2 - vh / 2;

  const svg = svgElement('svg', {
    class: 'graph-svg',
    viewBox: `${vx} ${vy} ${vw} ${vh}`,
    role: 'group',
    'aria-label': options.label,
  });
  const viewport = svgElement('g', { class: 'graph-viewport' });
  const allEdges = svgElement('path', { class: 'graph-edges', d: edgePath(data.edges.keys()) });
  const litEdges = svgElement('path', { class: 'graph-edges graph-edges--lit', d: '' });
  const nodeGroup = svgElement('g', { class: 'graph-nodes' });
  const labelGroup = svgElement('g', { class: 'graph-labels', 'aria-hidden': 'true' });
  const hoverLabels = svgElement('g', { class: 'graph-labels graph-labels--hover', 'aria-hidden': 'true' });

  // Titles sit above their node; around a current note (the local graph's ring) they point
  // outwards, away from the middle, so neighbours' titles do not cross each other.
  const centre = data.nodes.findIndex((node) => node.id === options.current);
  const placement = (i: number): Record<string, string | number> => {
    const point = points[i]!;
    if (centre < 0 || i === centre) return { x: point.x, y: point.y - point.r, dy: '-0.4em' };
    const middle = points[centre]!;
    const length = Math.hypot(point.x - middle.x, point.y - middle.y) || 1;
    const [ux, uy] = [(point.x - middle.x) / length, (point.y - middle.y) / length];
    const anchor = ux > 0.35 ? 'start' : ux < -0.35 ? 'end' : 'middle';
    const x = Math.round((point.x + ux * (point.r + 5)) * 10) / 10;
    const y = Math.round((point.y + uy * (point.r + 5)) * 10) / 10;
    return { x, y, dy: anchor !== 'middle' ? '0.35em' : uy < 0 ? '-0.2em' : '0.9em', 'text-anchor': anchor };
  };
  /** Long titles are cut on the map (the link's name and the hovered title stay whole). */
  const label = (i: number, whole = false) => {
    const text = svgElement('text', placement(i));
    const title = data.nodes[i]!.title;
    text.textContent = whole || title.length <= LABEL_CHARS ? title : `${title.slice(0, LABEL_CHARS - 1)}…`;
    return text;
  };
  const written = new Map<number, SVGTextElement>();
  const nodeElements = data.nodes.map((node, i) => {
    const point = points[i]!;
    const link = svgElement('a', {
      class: `graph-node graph-c${paletteSlot(options.topics, node.topic)}`,
      href: node.url,
      'aria-label': node.title,
      'data-id': node.id,
      'data-index': i,
    });
    if (node.id === options.current) {
      link.classList.add('is-current');
      link.setAttribute('aria-current', 'page');
    }
    link.append(svgElement('circle', { cx: point.x, cy: point.y, r: point.r }));
    nodeGroup.append(link);
    if (options.labels === 'all' || node.id.endsWith('/index') || node.id === options.current) {
      const text = label(i);
      labelGroup.append(text);
      written.set(i, text);
    }
    return link;
  });
  viewport.append(allEdges, litEdges, nodeGroup, labelGroup, hoverLabels);
  svg.append(viewport);
  canvas.replaceChildren(svg);

  // Labels stay LABEL_PX on screen: font size in map units = px ÷ (view box scale × zoom).
  let zoomScale = 1;
  let boxScale = 1;
  // Set on the two label groups only: on the whole map it would restyle every node per zoom step.
  const sizeLabels = () => {
    const size = `${LABEL_PX / (boxScale * zoomScale)}px`;
    labelGroup.style.fontSize = size;
    hoverLabels.style.fontSize = size;
  };
  const measure = () => {
    const rect = svg.getBoundingClientRect();
    boxScale = Math.min(rect.width / vw, rect.height / vh) || 1;
    sizeLabels();
  };
  measure();
  new ResizeObserver(measure).observe(svg);

  // Highlight: only the elements it marks are touched, and unmarked again on the way out.
  let lit: Element[] = [];
  let active = -1;
  const unlight = () => {
    if (active < 0) return;
    for (const element of lit) element.classList.remove('is-active', 'is-neighbour', 'is-covered');
    lit = [];
    hoverLabels.replaceChildren();
    litEdges.setAttribute('d', '');
    svg.classList.remove('is-focusing');
    active = -1;
  };
  const light = (i: number) => {
    if (i === active) return;
    unlight();
    active = i;
    svg.classList.add('is-focusing');
    const own = nodeElements[i]!;
    own.classList.add('is-active');
    lit.push(own);
    for (const j of neighbours[i]!) {
      nodeElements[j]!.classList.add('is-neighbour');
      lit.push(nodeElements[j]!);
    }
    litEdges.setAttribute('d', edgePath(edgesOf[i]!));
    // The node's own title in full, over its shortened one; its neighbours' titles if not shown yet.
    const shortened = written.get(i);
    if (shortened) {
      shortened.classList.add('is-covered');
      lit.push(shortened);
    }
    const named = neighbours[i]!.slice(0, MAX_HOVER_LABELS).filter((j) => !written.has(j));
    hoverLabels.replaceChildren(label(i, true), ...named.map((j) => label(j)));
  };
  const nodeIndex = (target: EventTarget | null) => {
    const link = target instanceof Element ? target.closest('.graph-node') : null;
    return link && nodeGroup.contains(link) ? Number(link.getAttribute('data-index')) : -1;
  };
  const focused = () => nodeIndex(document.activeElement);
  let revealNode = (_: number) => {};
  nodeGroup.addEventListener('pointerover', (event) => {
    const i = nodeIndex(event.target);
    if (i >= 0) light(i);
  });
  nodeGroup.addEventListener('pointerout', (event) => {
    if (nodeIndex(event.relatedTarget) >= 0) return;
    const i = focused();
    if (i >= 0) light(i);
    else unlight();
  });
  nodeGroup.addEventListener('focusin', (event) => {
    const i = nodeIndex(event.target);
    if (i < 0) return;
    light(i);
    revealNode(i);
  });
  nodeGroup.addEventListener('focusout', (event) => {
    if (nodeIndex(event.relatedTarget) < 0) unlight();
  });

  const view: GraphView = { svg, zoomBy: () => {}, reset: () => {} };
  if (options.zoomable) {
    const behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.5, Math.max(4, Math.sqrt(data.nodes.length))])
      .translateExtent([
        [vx - vw / 2, vy - vh / 2],
        [vx + vw * 1.5, vy + vh * 1.5],
      ])
      .on('zoom', (event: { transform: { k: number; toString(): string } }) => {
        viewport.setAttribute('transform', event.transform.toString());
        zoomScale = event.transform.k;
        sizeLabels();
      });
    const selection = select(svg);
    selection.call(behaviour);
    view.zoomBy = (factor) => behaviour.scaleBy(selection, factor);
    view.reset = () => behaviour.transform(selection, zoomIdentity);
    // A node reached with Tab while zoomed in may be off screen: bring it to the middle.
    revealNode = (i) => {
      const point = points[i]!;
      const [x, y] = zoomTransform(svg).apply([point.x, point.y]);
      const margin = point.r * 2;
      const outside = x < vx + margin || x > vx + vw - margin || y < vy + margin || y > vy + vh - margin;
      if (outside) behaviour.translateTo(selection, point.x, point.y);
    };
  }
  return view;
}

function svgElement<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}
