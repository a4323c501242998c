/**
 * Node positions for the note map, from d3-force (a maintained, well-tested force layout; we only
 * choose the forces). The simulation never runs on its own timer: it is stopped and stepped a fixed
 * number of ticks, in slices that fit a frame, so a thousand notes never freeze the page and the
 * SVG is drawn once, at the end.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceRadial,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import type { GraphData } from '../../lib/graph-types';

export interface PlacedNode {
  x: number;
  y: number;
  /** Radius in layout units: at scale 1 a unit is a CSS pixel, so 12 or more is a 24 px target. */
  r: number;
}

export interface Layout {
  nodes: PlacedNode[];
  /** Box around every node, edges included. */
  bounds: { x: number; y: number; width: number; height: number };
}

export interface LayoutOptions {
  /** Palette slot (topic) of each node: nodes of one topic start and stay near each other. */
  groups: readonly number[];
  /** Index of a node pinned at the centre (the note a local graph is about). */
  centre?: number;
  /** How many simulation steps; fixed, so the same data always takes the same work. */
  ticks?: number;
  /** Milliseconds of simulation per animation frame before yielding to the browser. */
  frameBudget?: number;
  /** Width ÷ height of the box the map is drawn in: a tall phone screen gets a tall map. */
  aspect?: number;
}

interface SimNode extends SimulationNodeDatum {
  r: number;
}

const MIN_RADIUS = 12;

/** Runs the simulation to its end and returns where every node ended up. */
export async function layoutGraph(data: GraphData, options: LayoutOptions): Promise<Layout> {
  const plan = planLayout(data.nodes.length, options);
  const nodes = startingNodes(data, options, plan);
  const links: SimulationLinkDatum<SimNode>[] = data.edges.map((e) => ({ source: e.source, target: e.target }));
  const simulation = forceSimulation(nodes).stop().alphaDecay(1 - Math.pow(0.001, 1 / plan.ticks));
  if (plan.local) addRingForces(simulation, links, options.centre!, data.nodes.length);
  else addClusterForces(simulation, links, plan, options.groups);
  await runInSlices(simulation, plan, options.frameBudget ?? 12);
  return placedLayout(nodes);
}

type Simulation = ReturnType<typeof forceSimulation<SimNode>>;

/** The choices that follow from the map's size and kind, shared by the start positions and the forces. */
interface Plan {
  /** A local graph: one note at the centre, its neighbours around it. */
  readonly local: boolean;
  readonly large: boolean;
  /** Link length: the room between linked notes. */
  readonly gap: number;
  readonly ticks: number;
  /** Where a topic's cluster sits. */
  anchor(group: number): { x: number; y: number };
}

function planLayout(count: number, options: LayoutOptions): Plan {
  const groupCount = Math.max(1, ...options.groups.map((g) => g + 1));
  const local = options.centre !== undefined;
  const large = count > 300;
  // Small maps get more room per node, so the titles shown on hover have space to stand apart.
  const gap = large ? 45 : 100;
  // Topic clusters sit on a circle whose size grows with the note count.
  const spread = (gap - 5) * Math.sqrt(count);
  // An ellipse with the box's proportions (within reason), so the map fills a tall or a wide box.
  const stretch = Math.sqrt(Math.min(2.5, Math.max(0.4, options.aspect ?? 1)));
  const anchor = (group: number) => {
    const angle = (2 * Math.PI * group) / groupCount - Math.PI / 2;
    return groupCount === 1 || local ? { x: 0, y: 0 } : { x: spread * stretch * Math.cos(angle), y: (spread / stretch) * Math.sin(angle) };
  };
  return { local, large, gap, ticks: options.ticks ?? (large ? 150 : 300), anchor };
}

/** Every node near its cluster's anchor, sized by its link count; a local graph's note pinned at the centre. */
function startingNodes(data: GraphData, options: LayoutOptions, plan: Plan): SimNode[] {
  const degree = new Array<number>(data.nodes.length).fill(0);
  for (const edge of data.edges) {
    degree[edge.source]! += 1;
    degree[edge.target]! += 1;
  }
  const nodes: SimNode[] = data.nodes.map((_, i) => {
    const home = plan.anchor(options.groups[i] ?? 0);
    // A small golden-angle spiral around the cluster's anchor: a tidy, deterministic start.
    const radius = 10 * Math.sqrt(i + 0.5);
    const angle = i * Math.PI * (3 - Math.sqrt(5));
    return { x: home.x + radius * Math.cos(angle), y: home.y + radius * Math.sin(angle), r: MIN_RADIUS + Math.min(8, 1.5 * Math.sqrt(degree[i]!)) };
  });
  if (plan.local && nodes[options.centre!]) Object.assign(nodes[options.centre!]!, { x: 0, y: 0, fx: 0, fy: 0 });
  return nodes;
}

/**
 * A note's neighbours on a ring around it: links among them pull linked neighbours side by
 * side, and titles can point outwards without crossing the middle.
 */
function addRingForces(simulation: Simulation, links: SimulationLinkDatum<SimNode>[], centre: number, count: number): void {
  const ring = Math.max(130, (count * 40) / (2 * Math.PI));
  simulation
    .force('ring', forceRadial<SimNode>((_, i) => (i === centre ? 0 : ring)).strength(0.8))
    .force('charge', forceManyBody<SimNode>().strength(-300))
    .force('link', forceLink(links).distance(ring / 2).strength(0.05));
}

/** The whole map: linked notes close, every note pushing the others away, each topic drawn to its anchor. */
function addClusterForces(simulation: Simulation, links: SimulationLinkDatum<SimNode>[], plan: Plan, groups: readonly number[]): void {
  const { large } = plan;
  simulation
    .force('link', forceLink(links).distance(plan.gap))
    // A coarser Barnes–Hut approximation halves the cost of the strongest force on big maps.
    .force('charge', forceManyBody<SimNode>().strength(large ? -90 : -400).theta(large ? 1.2 : 0.9))
    .force('x', forceX<SimNode>((_, i) => plan.anchor(groups[i] ?? 0).x).strength(0.06))
    .force('y', forceY<SimNode>((_, i) => plan.anchor(groups[i] ?? 0).y).strength(0.06));
}

/** Steps the simulation `plan.ticks` times, yielding to the browser whenever a frame's `budget` (ms) is spent. */
async function runInSlices(simulation: Simulation, plan: Plan, budget: number): Promise<void> {
  // Round nodes have square hit boxes: keep the boxes of diagonal neighbours apart too. Overlaps
  // only matter once the map has settled, so on big maps collisions join for the last part of the run.
  const collide = forceCollide<SimNode>((n) => n.r * 1.5 + 2);
  const collideFrom = plan.large ? Math.floor(plan.ticks * 0.6) : 0;
  let done = 0;
  while (done < plan.ticks) {
    const started = performance.now();
    do {
      if (done === collideFrom) simulation.force('collide', collide);
      simulation.tick();
      done += 1;
    } while (done < plan.ticks && performance.now() - started < budget);
    if (done < plan.ticks) await nextFrame();
  }
}

/** Positions rounded for the SVG source, and the box around them. */
function placedLayout(nodes: readonly SimNode[]): Layout {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const placed = nodes.map((n) => {
    const point = { x: round(n.x ?? 0), y: round(n.y ?? 0), r: round(n.r) };
    x0 = Math.min(x0, point.x - point.r);
    y0 = Math.min(y0, point.y - point.r);
    x1 = Math.max(x1, point.x + point.r);
    y1 = Math.max(y1, point.y + point.r);
    return point;
  });
  if (placed.length === 0) [x0, y0, x1, y1] = [0, 0, 0, 0];
  return { nodes: placed, bounds: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } };
}

/** One decimal is sub-pixel at any zoom we allow, and keeps the SVG source short. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
