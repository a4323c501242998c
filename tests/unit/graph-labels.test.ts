import { describe, expect, it } from 'vitest';
import { placeLabels, shorten, textEm, wrapText, type Box } from '../../src/client/graph/labels';

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const area = { x: -500, y: -500, width: 1000, height: 1000 };

describe('graph labels', () => {
  it('measures CJK as one em a character and Latin as about half', () => {
    expect(textEm('副本机制')).toBe(4);
    expect(textEm('acks')).toBeCloseTo(2.4);
  });

  it('shortens a title to the width asked for, with an ellipsis, and leaves short ones alone', () => {
    expect(shorten('Kafka 副本机制：ISR、高水位与 acks', 8)).toBe('Kafka 副本机制…'); // 3 + 0.3 + 4 + 0.6 em
    expect(textEm(shorten('Kafka 副本机制：ISR、高水位与 acks', 8))).toBeLessThanOrEqual(8);
    expect(shorten('副本机制', 8)).toBe('副本机制');
  });

  it('wraps a long title into lines no wider than asked, losing no character', () => {
    const title = 'JVM 内存溢出对照：哪条报错来自哪块内存、该调哪个参数';
    const lines = wrapText(title, 10);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textEm(line)).toBeLessThanOrEqual(10);
    expect(lines.join('').replace(/\s/g, '')).toBe(title.replace(/\s/g, ''));
  });

  it('never places two labels over each other or over a node, even when nodes crowd', () => {
    // A dense cluster: 60 nodes on a 10 × 6 grid, 30 units apart, each with an 8-character title.
    const nodes = Array.from({ length: 60 }, (_, i) => ({ x: (i % 10) * 30, y: Math.floor(i / 10) * 30, r: 10 }));
    const placed = placeLabels(nodes.map((_, i) => ({ index: i, text: `第${i}篇笔记的标题` })), nodes, 10, area);
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.length).toBeLessThan(nodes.length); // not all fit: the rest wait for hover
    for (const [a, label] of placed.entries()) {
      for (const other of placed.slice(a + 1)) expect(overlap(label.box, other.box)).toBe(false);
      for (const node of nodes) expect(overlap(label.box, { x: node.x - node.r, y: node.y - node.r, width: 2 * node.r, height: 2 * node.r })).toBe(false);
    }
  });

  it('serves labels in the order asked: the first request gets the best spot, above its node', () => {
    const nodes = [{ x: 0, y: 0, r: 10 }, { x: 40, y: 0, r: 10 }];
    const [first, second] = placeLabels([{ index: 1, text: '中心笔记' }, { index: 0, text: '邻居笔记' }], nodes, 10, area);
    expect(first).toMatchObject({ index: 1, anchor: 'middle' });
    expect(first!.box.y + first!.box.height).toBeLessThanOrEqual(-10);
    expect(second?.index).toBe(0);
    expect(overlap(first!.box, second!.box)).toBe(false);
  });

  it('keeps labels inside the visible area and clear of boxes already taken', () => {
    const nodes = [{ x: 0, y: 5, r: 10 }];
    const taken = [{ x: -100, y: 16, width: 200, height: 40 }];
    const [label] = placeLabels([{ index: 0, text: '标题' }], nodes, 10, { x: -100, y: 0, width: 200, height: 100 }, taken);
    // Above would leave the area (y < 0), below is taken: it goes to a side.
    expect(label?.anchor).not.toBe('middle');
  });

  it('tries the outward side first on a local graph', () => {
    const nodes = [{ x: 0, y: 0, r: 10 }];
    const [label] = placeLabels([{ index: 0, text: '标题', outward: [-1, 0] }], nodes, 10, area);
    expect(label?.anchor).toBe('end');
  });
});
