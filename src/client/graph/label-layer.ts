/**
 * The titles on the map: at rest, every title that fits without overlap (labels.ts decides);
 * while a node is hovered or focused, its full title on a plate, wrapped to the map's width, and
 * the titles of its neighbours that fit around it. Labels keep one size on screen at any zoom.
 */
import type { GraphData } from '../../lib/graph-types';
import { placeLabels, shorten, textEm, wrapText, type Box, type Circle, type LabelRequest, type PlacedLabel } from './labels';

/** Label size on screen, whatever the zoom. */
export const LABEL_PX = 13;
/** Titles on the map at rest are cut to this width (em); hover or focus shows them whole. */
const LABEL_EM = 12;

export interface LabelView {
  /** The visible part of the map, in map units, and one CSS pixel in map units. */
  area(): { box: Box; unit: number };
}

export interface LabelLayer {
  rest: SVGGElement;
  focus: SVGGElement;
  /** Places the resting labels again (after a zoom or a resize). */
  update(): void;
  /** Shows node `i`'s full title and its neighbours' titles; -1 clears. */
  focusOn(i: number, neighbours: readonly number[]): void;
}

type Make = <K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>) => SVGElementTagNameMap[K];

export function labelLayer(data: GraphData, points: readonly Circle[], view: LabelView, make: Make, centre: number): LabelLayer {
  const rest = make('g', { class: 'graph-labels', 'aria-hidden': 'true' });
  const focus = make('g', { class: 'graph-labels graph-labels--hover', 'aria-hidden': 'true' });
  const degree = data.nodes.map(() => 0);
  for (const edge of data.edges) {
    degree[edge.source]! += 1;
    degree[edge.target]! += 1;
  }
  const request = (i: number): LabelRequest => {
    const direction = outward(points, centre, i);
    return { index: i, text: shorten(data.nodes[i]!.title, LABEL_EM), ...(direction ? { outward: direction } : {}) };
  };
  const order = restingOrder(data, degree, centre);
  const text = (label: Pick<PlacedLabel, 'x' | 'y' | 'anchor' | 'text'>) => textElement(make, label);
  const sized = (group: SVGGElement, unit: number) => group.setAttribute('font-size', String(LABEL_PX * unit));

  const update = () => {
    const { box, unit } = view.area();
    sized(rest, unit);
    rest.replaceChildren(...placeLabels(order.map(request), points, LABEL_PX * unit, box).map(text));
  };

  const focusOn = (i: number, neighbours: readonly number[]) => {
    if (i < 0) {
      focus.replaceChildren();
      return;
    }
    const { box, unit } = view.area();
    sized(focus, unit);
    const tip = plate(make, data.nodes[i]!.title, points[i]!, box, unit);
    const byDegree = [...neighbours].sort((a, b) => degree[b]! - degree[a]! || a - b);
    const around = placeLabels(byDegree.map(request), points, LABEL_PX * unit, box, [tip.box]);
    focus.replaceChildren(...around.map(text), tip.group);
  };

  return { rest, focus, update, focusOn };
}

/** On a local graph, the direction from the centre note to node `i`: its title points away from the middle. */
function outward(points: readonly Circle[], centre: number, i: number): readonly [number, number] | undefined {
  if (centre < 0 || i === centre) return undefined;
  const [p, c] = [points[i]!, points[centre]!];
  const length = Math.hypot(p.x - c.x, p.y - c.y) || 1;
  return [(p.x - c.x) / length, (p.y - c.y) / length];
}

/** Who gets a title first when not all fit: the note the map is about, topic hubs, then the best-linked notes. */
function restingOrder(data: GraphData, degree: readonly number[], centre: number): number[] {
  const rank = (i: number) => (i === centre ? 2 : data.nodes[i]!.id.endsWith('/index') ? 1 : 0);
  return data.nodes.map((_, i) => i).sort((a, b) => rank(b) - rank(a) || degree[b]! - degree[a]! || a - b);
}

function textElement(make: Make, label: Pick<PlacedLabel, 'x' | 'y' | 'anchor' | 'text'>): SVGTextElement {
  const element = make('text', { x: label.x, y: label.y, 'text-anchor': label.anchor });
  element.textContent = label.text;
  return element;
}

/** The full title above the node (below if there is no room), on a plate, kept inside the map. */
function plate(make: Make, title: string, node: Circle, box: Box, unit: number): { group: SVGGElement; box: Box } {
  const em = LABEL_PX * unit;
  const lines = wrapText(title, Math.max(6, (box.width / em) * 0.9));
  const width = Math.max(...lines.map(textEm)) * em + em;
  const height = lines.length * em * 1.3 + em * 0.4;
  const x = Math.min(Math.max(node.x - width / 2, box.x), box.x + box.width - width);
  const above = node.y - node.r - em * 0.3 - height;
  const y = above >= box.y ? above : node.y + node.r + em * 0.3;
  const group = make('g', { class: 'graph-tip' });
  group.append(make('rect', { x, y, width, height, rx: em * 0.3 }));
  const label = make('text', { x: x + width / 2, y: y + em * 0.2 });
  lines.forEach((line, n) => {
    const span = make('tspan', { x: x + width / 2, dy: n === 0 ? `${em * 1.05}` : `${em * 1.3}` });
    span.textContent = line;
    label.append(span);
  });
  group.append(label);
  return { group, box: { x, y, width, height } };
}
