/**
 * The graph page: fetch graph.json, lay it out, draw it once, wire the zoom buttons.
 * Performance marks (`graph:layout`, `graph:render`, `graph:paint`) let tests and the
 * benchmark read how long each step took.
 */
import type { GraphData } from '../../lib/graph-types';
import { layoutGraph } from './layout';
import { paletteSlot, renderGraph } from './render';

export async function initGraphPage(): Promise<void> {
  const figure = document.querySelector<HTMLElement>('[data-graph]');
  const canvas = figure?.querySelector<HTMLElement>('[data-graph-canvas]');
  const status = figure?.querySelector<HTMLElement>('[data-graph-status]');
  if (!figure || !canvas || !status) return;
  const topics = JSON.parse(figure.dataset['topics'] ?? '[]') as string[];
  try {
    const response = await fetch(figure.dataset['src'] ?? '');
    if (!response.ok) throw new Error(`${response.status} ${response.url}`);
    const data = (await response.json()) as GraphData;

    performance.mark('graph:layout-start');
    const aspect = canvas.clientWidth / (canvas.clientHeight || 1);
    const layout = await layoutGraph(data, { groups: data.nodes.map((n) => paletteSlot(topics, n.topic)), aspect });
    performance.mark('graph:layout-end');
    const view = renderGraph(canvas, data, layout, {
      topics,
      label: canvas.dataset['label'] ?? '',
      zoomable: true,
    });
    performance.mark('graph:render-end');
    performance.measure('graph:layout', 'graph:layout-start', 'graph:layout-end');
    performance.measure('graph:render', 'graph:layout-end', 'graph:render-end');
    // The frame after the one that paints the map: render + style + layout + paint of the SVG.
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark('graph:painted');
        performance.measure('graph:paint', 'graph:layout-end', 'graph:painted');
      }),
    );

    for (const button of figure.querySelectorAll<HTMLButtonElement>('[data-graph-zoom]')) {
      const action = button.dataset['graphZoom'];
      button.addEventListener('click', () => (action === 'reset' ? view.reset() : view.zoomBy(action === 'in' ? 1.5 : 1 / 1.5)));
      button.disabled = false;
    }
    status.textContent = '';
    figure.dataset['state'] = 'ready';
  } catch (error) {
    status.textContent = status.dataset['failed'] ?? '';
    figure.dataset['state'] = 'failed';
    console.warn('graph:', error);
  }
}
