import { describe, expect, it } from 'vitest';
import { nestHeadings, type Heading } from '../../src/lib/toc';

const h = (depth: number, text: string): Heading => ({ depth, slug: text.toLowerCase(), text });

describe('nestHeadings', () => {
  it('puts each h3 under the h2 before it', () => {
    expect(nestHeadings([h(2, 'A'), h(3, 'A1'), h(3, 'A2'), h(2, 'B'), h(3, 'B1')])).toEqual([
      { depth: 2, slug: 'a', text: 'A', children: [h(3, 'A1'), h(3, 'A2')] },
      { depth: 2, slug: 'b', text: 'B', children: [h(3, 'B1')] },
    ]);
  });

  it('makes an h3 that comes before any h2 a top-level entry', () => {
    expect(nestHeadings([h(3, 'Early'), h(2, 'A'), h(3, 'A1')])).toEqual([
      { depth: 3, slug: 'early', text: 'Early', children: [] },
      { depth: 2, slug: 'a', text: 'A', children: [h(3, 'A1')] },
    ]);
  });

  it('drops h1, h4, h5 and h6', () => {
    expect(nestHeadings([h(1, 'Title'), h(2, 'A'), h(4, 'Deep'), h(3, 'A1'), h(5, 'Deeper'), h(6, 'Deepest')])).toEqual([
      { depth: 2, slug: 'a', text: 'A', children: [h(3, 'A1')] },
    ]);
  });

  it('keeps slug and text as given (Chinese slugs)', () => {
    const tree = nestHeadings([{ depth: 2, slug: 'isr-与高水位', text: 'ISR 与高水位' }]);
    expect(tree).toEqual([{ depth: 2, slug: 'isr-与高水位', text: 'ISR 与高水位', children: [] }]);
  });

  it('is empty for no headings or only h4s', () => {
    expect(nestHeadings([])).toEqual([]);
    expect(nestHeadings([h(4, 'x')])).toEqual([]);
  });

  it('does not change the headings it was given', () => {
    const input = [h(2, 'A'), h(3, 'A1')];
    const copy = structuredClone(input);
    nestHeadings(input);
    expect(input).toEqual(copy);
  });
});
