import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphData, localGraphData } from '../../src/corpus/graph-data';
import { graphOf } from './graph-fixtures';


const ids = ['k/index', 'k/a', 'k/b', 'j/c', 'j/d'];
const graph = graphOf(ids, [
  ['k/index', 'k/a'],
  ['k/index', 'k/b'],
  ['k/a', 'k/b'],
  ['k/b', 'k/a'], // the same pair the other way: one edge
  ['k/a', 'j/c'],
  ['j/c', 'j/d'],
]);
const url = (id: string) => `/kb/${id.replace(/\/index$/, '')}/`;
const titles = new Map(ids.map((id) => [id, id.toUpperCase()]));

describe('graphData', () => {
  const data = graphData(graph, ids.map((id) => ({ id, title: titles.get(id)! })), url);

  it('makes a node per note, in the order given, with topic and URL', () => {
    expect(data.nodes.map((n) => n.id)).toEqual(ids);
    expect(data.nodes[0]).toEqual({ id: 'k/index', title: 'K/INDEX', topic: 'k', url: '/kb/k/' });
  });

  it('makes one edge per linked pair, as indexes into nodes', () => {
    const pairs = data.edges.map((e) => `${ids[e.source]} – ${ids[e.target]}`);
    expect(pairs).toEqual(['k/index – k/a', 'k/index – k/b', 'k/a – k/b', 'k/a – j/c', 'j/c – j/d']);
  });

  it('drops edges to notes it was not given', () => {
    const some = graphData(graph, [{ id: 'k/a', title: 'A' }, { id: 'j/c', title: 'C' }], url);
    expect(some.edges).toEqual([{ source: 0, target: 1 }]);
  });
});

describe('localGraphData', () => {
  it('is the note first, then its neighbours by id, with the edges among them', () => {
    const local = localGraphData(graph, 'k/a', (id) => titles.get(id), url);
    expect(local.nodes.map((n) => n.id)).toEqual(['k/a', 'j/c', 'k/b', 'k/index']);
    const pairs = local.edges.map((e) => [local.nodes[e.source]!.id, local.nodes[e.target]!.id].sort().join(' – ')).sort();
    expect(pairs).toEqual(['j/c – k/a', 'k/a – k/b', 'k/a – k/index', 'k/b – k/index']);
  });

  it('is empty for an unknown note and skips neighbours without a page', () => {
    expect(localGraphData(graph, 'nope', (id) => titles.get(id), url)).toEqual({ nodes: [], edges: [] });
    const local = localGraphData(graph, 'j/c', (id) => (id === 'j/d' ? undefined : titles.get(id)), url);
    expect(local.nodes.map((n) => n.id)).toEqual(['j/c', 'k/a']);
  });
});

describe('graph palette in graph.css (against the page backgrounds of global.css)', () => {
  const css = ['base', 'graph'].map((name) => fs.readFileSync(path.resolve(`src/styles/${name}.css`), 'utf8')).join('\n');
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };
  const pair = (name: string) => {
    const match = new RegExp(`--${name}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`, 'i').exec(css);
    if (!match) throw new Error(`--${name} not found as light-dark(#rrggbb, #rrggbb)`);
    return [match[1]!, match[2]!] as const;
  };

  it('gives every topic colour at least 3:1 against both page backgrounds, in both themes', () => {
    const backgrounds = pair('bg');
    for (let slot = 0; slot < 8; slot++) {
      for (const colour of pair(`graph-c${slot}`)) {
        for (const background of backgrounds) expect(contrast(colour, background), `graph-c${slot} ${colour} on ${background}`).toBeGreaterThanOrEqual(3);
      }
    }
  });
});
