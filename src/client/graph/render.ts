/**
 * Draws a laid-out note map as SVG, once. Every node is an `<a href>` named by its note's title,
 * so Tab reaches it, Enter opens it and tests can find it by role. Afterwards the map changes in
 * cheap ways only: zoom and pan rewrite one `transform` (d3-zoom) and re-place the titles when the
 * gesture ends; hover or focus toggles classes on the node, its neighbours and the map, and draws
 * the node's full title (label-layer.ts).
 */
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform } from 'd3-zoom';
import type { GraphData } from '../../lib/graph-types';
import { adjacency, followPointerAndFocus, Highlight } from './highlight';
import { labelLayer, type LabelView } from './label-layer';
import type { Layout } from './layout';

const SVG = 'http://www.w3.org/2000/svg';
/** Colours in graph.css: `.graph-c0` … `.graph-c7`. */
export const PALETTE_SIZE = 8;
/** Room around the map, in CSS pixels. */
const PAD = 24;
/** A small map is spread out to fill its box (node sizes stay), up to this factor, so titles have room. */
const MAX_SPREAD = 2.5;

export interface RenderOptions {
  /** Topic ids in palette order (the order of topics.yaml). */
  topics: readonly string[];
  /** Accessible name of the whole map. */
  label: string;
  /** The note the page is about, drawn and announced as current. */
  current?: string;
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

/**
 * Node positions fitted to the canvas, node sizes unchanged: first stretched along one axis (at
 * most 2×) towards the canvas's proportions, so a tall phone screen gets a tall map; then, if the
 * map is still smaller than the canvas, spread out to fill it. Returns the view box around them.
 */
function fit(layout: Layout, box: { width: number; height: number }) {
  const { bounds } = layout;
  const [cx, cy] = [bounds.x + bounds.width / 2, bounds.y + bounds.height / 2];
  const roomX = (box.width - 2 * PAD) / (bounds.width || 1);
  const roomY = (box.height - 2 * PAD) / (bounds.height || 1);
  const ratio = Math.min(2, Math.max(0.5, roomY / roomX));
  const [stretchX, stretchY] = ratio > 1 ? [1, ratio] : [1 / ratio, 1];
  const spread = Math.min(MAX_SPREAD, Math.max(1, Math.min(roomX / stretchX, roomY / stretchY)));
  const [sx, sy] = [stretchX * spread, stretchY * spread];
  const points = layout.nodes.map((n) => ({ x: cx + (n.x - cx) * sx, y: cy + (n.y - cy) * sy, r: n.r }));
  const vw = Math.max(bounds.width * sx + 2 * PAD, box.width);
  const vh = Math.max(bounds.height * sy + 2 * PAD, box.height);
  return { points, vx: cx - vw / 2, vy: cy - vh / 2, vw, vh };
}

/** A fitted map: node positions in map units and the view box around them. */
type Frame = ReturnType<typeof fit>;

export function renderGraph(canvas: HTMLElement, data: GraphData, layout: Layout, options: RenderOptions): GraphView {
  const frame = fit(layout, { width: canvas.clientWidth || 600, height: canvas.clientHeight || 400 });
  const paths = (indexes: Iterable<number>) => edgePath(data, frame.points, indexes);
  const { vx, vy, vw, vh } = frame;
  const svg = svgElement('svg', { class: 'graph-svg', viewBox: `${vx} ${vy} ${vw} ${vh}`, role: 'group', 'aria-label': options.label });
  const viewport = svgElement('g', { class: 'graph-viewport' });
  const allEdges = svgElement('path', { class: 'graph-edges', d: paths(data.edges.keys()) });
  const litEdges = svgElement('path', { class: 'graph-edges graph-edges--lit', d: '' });
  const nodeGroup = svgElement('g', { class: 'graph-nodes' });
  const nodes = drawNodes(nodeGroup, data, frame.points, options);
  const current = data.nodes.findIndex((node) => node.id === options.current);
  const labels = labelLayer(data, frame.points, { area: () => visibleArea(svg, frame) }, svgElement, current);
  viewport.append(allEdges, litEdges, nodeGroup, labels.rest, labels.focus);
  svg.append(viewport);
  canvas.replaceChildren(svg);
  labels.update();
  new ResizeObserver(() => labels.update()).observe(svg);

  const highlight = new Highlight(svg, nodes, litEdges, labels, adjacency(data), paths);
  const relabel = () => {
    labels.update();
    highlight.refocus();
  };
  const zoomed = options.zoomable ? addZoom(svg, viewport, frame, data.nodes.length, relabel) : undefined;
  followPointerAndFocus(nodeGroup, highlight, (i) => zoomed?.reveal(i));
  return { svg, zoomBy: zoomed?.zoomBy ?? (() => {}), reset: zoomed?.reset ?? (() => {}) };
}

/** The given edges as one path's `d`: one element draws them all. */
function edgePath(data: GraphData, points: Frame['points'], indexes: Iterable<number>): string {
  let d = '';
  for (const e of indexes) {
    const { source, target } = data.edges[e]!;
    const [a, b] = [points[source]!, points[target]!];
    d += `M${round(a.x)} ${round(a.y)}L${round(b.x)} ${round(b.y)}`;
  }
  return d;
}

/** One link per note, in data order (`data-index` finds it again from an event). */
function drawNodes(group: SVGGElement, data: GraphData, points: Frame['points'], options: RenderOptions): SVGAElement[] {
  return data.nodes.map((node, i) => {
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
    link.append(svgElement('circle', { cx: round(point.x), cy: round(point.y), r: point.r }));
    group.append(link);
    return link;
  });
}

/** The visible part of the map in map units: the view box as the SVG shows it, through the zoom. */
function visibleArea(svg: SVGSVGElement, { vx, vy, vw, vh }: Frame): ReturnType<LabelView['area']> {
  const rect = svg.getBoundingClientRect();
  const scale = Math.min(rect.width / vw, rect.height / vh) || 1;
  const [w, h] = [(rect.width || vw * scale) / scale, (rect.height || vh * scale) / scale];
  const t = zoomTransform(svg);
  const [x0, y0] = t.invert([vx + vw / 2 - w / 2, vy + vh / 2 - h / 2]);
  return { box: { x: x0, y: y0, width: w / t.k, height: h / t.k }, unit: 1 / (scale * t.k) };
}

/** Wheel, drag and the buttons zoom and pan the map; `reveal` brings a node into view. */
function addZoom(svg: SVGSVGElement, viewport: SVGGElement, frame: Frame, nodeCount: number, zoomEnded: () => void) {
  const { points, vx, vy, vw, vh } = frame;
  const behaviour = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.5, Math.max(4, Math.sqrt(nodeCount))])
    .translateExtent([
      [vx - vw / 2, vy - vh / 2],
      [vx + vw * 1.5, vy + vh * 1.5],
    ])
    .on('zoom', (event: { transform: { toString(): string } }) => viewport.setAttribute('transform', event.transform.toString()))
    // Titles are placed for the new scale once the gesture ends, not on every frame of it.
    .on('end', zoomEnded);
  const selection = select(svg);
  selection.call(behaviour);
  return {
    zoomBy: (factor: number) => behaviour.scaleBy(selection, factor),
    reset: () => behaviour.transform(selection, zoomIdentity),
    // A node reached with Tab while zoomed in may be off screen: bring it to the middle.
    reveal: (i: number) => {
      const point = points[i]!;
      const [x, y] = zoomTransform(svg).apply([point.x, point.y]);
      const margin = point.r * 2;
      const outside = x < vx + margin || x > vx + vw - margin || y < vy + margin || y > vy + vh - margin;
      if (outside) behaviour.translateTo(selection, point.x, point.y);
    },
  };
}

/** One decimal is sub-pixel at any zoom we allow, and keeps the SVG source short. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function svgElement<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}
