/**
 * Where the titles go on the note map, without overlap. Labels are placed greedily in priority
 * order (the current note, hubs, then the best-linked notes): each tries the spots around its node
 * (above, below, right, left, or outwards first on a local graph's ring) and takes the first one
 * that stays inside the visible area and touches no node and no label placed before it; a label
 * that fits nowhere is left out (hover or focus shows it). A grid of buckets keeps each test to
 * the few boxes nearby, so a thousand-node map is placed in a few milliseconds.
 */
export interface Box { x: number; y: number; width: number; height: number }
export interface Circle { x: number; y: number; r: number }

export interface LabelRequest {
  /** Index of the node the label names. */
  index: number;
  text: string;
  /** Unit vector from the map's centre note to this node: try that side first. */
  outward?: readonly [number, number];
}

export interface PlacedLabel {
  index: number;
  text: string;
  /** Text anchor point (SVG `x`/`y`, baseline) and alignment. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
}

/** Width of a text in em: CJK and full-width characters are square, Latin about half as wide. */
export function textEm(text: string): number {
  let em = 0;
  for (const char of text) em += /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u.test(char) ? 1 : char === ' ' ? 0.3 : 0.6;
  return em;
}

/** Shortens a title to at most `maxEm` em, with an ellipsis. */
export function shorten(text: string, maxEm: number): string {
  if (textEm(text) <= maxEm) return text;
  let out = '';
  for (const char of text) {
    if (textEm(`${out}${char}…`) > maxEm) break;
    out += char;
  }
  return `${out}…`;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, area: Box) => a.x >= area.x && a.y >= area.y && a.x + a.width <= area.x + area.width && a.y + a.height <= area.y + area.height;

/** Boxes bucketed by grid cell, so a test looks at its neighbourhood only. */
class BoxGrid {
  private readonly cells = new Map<string, Box[]>();
  constructor(private readonly size: number) {}
  private keys(box: Box): string[] {
    const keys: string[] = [];
    for (let gx = Math.floor(box.x / this.size); gx <= Math.floor((box.x + box.width) / this.size); gx++) {
      for (let gy = Math.floor(box.y / this.size); gy <= Math.floor((box.y + box.height) / this.size); gy++) keys.push(`${gx},${gy}`);
    }
    return keys;
  }
  add(box: Box): void {
    for (const key of this.keys(box)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(box);
      else this.cells.set(key, [box]);
    }
  }
  hits(box: Box, ignore?: Box): boolean {
    return this.keys(box).some((key) => (this.cells.get(key) ?? []).some((other) => other !== ignore && overlaps(box, other)));
  }
}

type Side = 'above' | 'below' | 'right' | 'left';

function spot(side: Side, node: Circle, width: number, height: number, gap: number): Omit<PlacedLabel, 'index' | 'text'> {
  // The baseline sits about 0.8 of the line height below the box's top.
  const baseline = height * 0.8;
  switch (side) {
    case 'above':
      return { x: node.x, y: node.y - node.r - gap - (height - baseline), anchor: 'middle', box: { x: node.x - width / 2, y: node.y - node.r - gap - height, width, height } };
    case 'below':
      return { x: node.x, y: node.y + node.r + gap + baseline, anchor: 'middle', box: { x: node.x - width / 2, y: node.y + node.r + gap, width, height } };
    case 'right':
      return { x: node.x + node.r + gap, y: node.y - height / 2 + baseline, anchor: 'start', box: { x: node.x + node.r + gap, y: node.y - height / 2, width, height } };
    case 'left':
      return { x: node.x - node.r - gap, y: node.y - height / 2 + baseline, anchor: 'end', box: { x: node.x - node.r - gap - width, y: node.y - height / 2, width, height } };
  }
}

function sides(outward: readonly [number, number] | undefined): Side[] {
  if (!outward) return ['above', 'below', 'right', 'left'];
  const [ux, uy] = outward;
  if (ux > 0.35) return ['right', uy < 0 ? 'above' : 'below', 'left'];
  if (ux < -0.35) return ['left', uy < 0 ? 'above' : 'below', 'right'];
  return uy < 0 ? ['above', 'right', 'left', 'below'] : ['below', 'right', 'left', 'above'];
}

/**
 * Places `requests` (highest priority first) around `nodes`. `em` is one label em in map units
 * (the label font size divided by the map's scale on screen); `area` is the visible part of the map;
 * `taken` are boxes already occupied (a hovered note's full title).
 */
export function placeLabels(requests: readonly LabelRequest[], nodes: readonly Circle[], em: number, area: Box, taken: readonly Box[] = []): PlacedLabel[] {
  const height = em * 1.3;
  const gap = em * 0.25;
  const grid = new BoxGrid(em * 8);
  const nodeBoxes = nodes.map((n) => ({ x: n.x - n.r, y: n.y - n.r, width: 2 * n.r, height: 2 * n.r }));
  for (const box of nodeBoxes) grid.add(box);
  for (const box of taken) grid.add(box);
  const placed: PlacedLabel[] = [];
  for (const request of requests) {
    const node = nodes[request.index];
    if (!node) continue;
    const width = textEm(request.text) * em + em * 0.4;
    for (const side of sides(request.outward)) {
      const candidate = spot(side, node, width, height, gap);
      if (!inside(candidate.box, area) || grid.hits(candidate.box, nodeBoxes[request.index])) continue;
      grid.add(candidate.box);
      placed.push({ index: request.index, text: request.text, ...candidate });
      break;
    }
  }
  return placed;
}

/** Splits a title into lines of at most `maxEm` em (a full title on a phone-wide map). */
export function wrapText(text: string, maxEm: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (line && textEm(line + char) > maxEm) {
      lines.push(line);
      line = char.trimStart();
    } else line += char;
  }
  if (line) lines.push(line);
  return lines;
}
