/**
 * The local graph of a note page: the note and its neighbours, from the JSON embedded in the page.
 * Loaded with import() only when the reader opens the <details>, so d3 costs nothing otherwise.
 */
import type { GraphData } from '../../lib/graph-data';
import { layoutGraph } from './layout';
import { paletteSlot, renderGraph } from './render';

export async function renderLocalGraph(details: HTMLElement): Promise<void> {
  const canvas = details.querySelector<HTMLElement>('[data-graph-canvas]');
  const source = details.querySelector('[data-local-graph-data]');
  if (!canvas || !source) return;
  const data = JSON.parse(source.textContent ?? '{}') as GraphData;
  const topics = JSON.parse(details.dataset['topics'] ?? '[]') as string[];
  const layout = await layoutGraph(data, { groups: data.nodes.map((n) => paletteSlot(topics, n.topic)), centre: 0 });
  const current = data.nodes[0]?.id;
  renderGraph(canvas, data, layout, {
    topics,
    label: canvas.dataset['label'] ?? '',
    // A hub's neighbourhood can be a whole topic: past a few dozen titles, names show on hover.
    labels: data.nodes.length <= 30 ? 'all' : 'hubs',
    zoomable: false,
    ...(current ? { current } : {}),
  });
  details.dataset['state'] = 'ready';
}
