/**
 * The local graph of a note page: the note and its neighbours, its entry in `local-graph/<file>.json`.
 * Loaded with import() only when the reader opens the <details>, so d3 costs nothing otherwise.
 */
import graphStyles from '../../styles/graph.css?url';
import { loadStylesheet } from '../util/stylesheet';
import type { GraphData } from '../../lib/graph-types';
import { layoutGraph } from './layout';
import { paletteSlot, renderGraph } from './render';

export async function renderLocalGraph(details: HTMLElement): Promise<void> {
  const canvas = details.querySelector<HTMLElement>('[data-graph-canvas]');
  const source = details.dataset['src'];
  const id = details.dataset['id'];
  if (!canvas || !source || !id) return;
  const [response] = await Promise.all([fetch(source), loadStylesheet(graphStyles)]);
  if (!response.ok) throw new Error(`${source}: ${response.status}`);
  const data = ((await response.json()) as Record<string, GraphData>)[id];
  if (!data) throw new Error(`${source}: no ${id}`);
  const topics = JSON.parse(details.dataset['topics'] ?? '[]') as string[];
  const layout = await layoutGraph(data, { groups: data.nodes.map((n) => paletteSlot(topics, n.topic)), centre: 0 });
  const current = data.nodes[0]?.id;
  renderGraph(canvas, data, layout, {
    topics,
    label: canvas.dataset['label'] ?? '',
    zoomable: false,
    ...(current ? { current } : {}),
  });
  details.dataset['state'] = 'ready';
}
