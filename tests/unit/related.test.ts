import { describe, expect, it } from 'vitest';
import { graphOf } from './graph-fixtures';
import { relatedNotes, type RelatedCandidate } from '../../src/corpus/related';
import { isHub } from '../../src/corpus/note-id';


const tagged = (entries: Record<string, string[]>): RelatedCandidate[] =>
  Object.entries(entries).map(([id, tags]) => ({ id, tags }));

describe('relatedNotes', () => {
  // a is the note; d links to a (a backlink); the hub links to everything in its topic.
  const notes = tagged({
    'x/index': ['k'],
    'x/a': ['k', 'r'],
    'x/b': ['k', 'r'],
    'x/c': ['k'],
    'x/d': ['k', 'r'],
    'y/n': ['z'],
    'y/e': ['z'],
  });
  const graph = graphOf(
    notes.map((n) => n.id),
    [
      ['x/a', 'x/c'],
      ['x/a', 'y/n'],
      ['x/b', 'y/n'],
      ['x/d', 'x/a'],
      ['x/index', 'x/a'],
      ['x/index', 'x/b'],
      ['x/index', 'x/c'],
    ],
  );

  it('scores 2 per shared tag, 1 per shared neighbour (hubs left out), 1 for a direct link', () => {
    expect(relatedNotes(graph, notes, 'x/a', isHub)).toEqual([
      { id: 'x/b', score: 2 * 2 + 1 }, // tags k, r; both link to y/n (the shared hub does not count)
      { id: 'x/c', score: 2 * 1 + 1 }, // tag k; a links to c
      { id: 'y/n', score: 1 }, // no tag in common; a links to n
    ]);
  });

  it('never suggests the note itself, a hub, or a note that already links to it (a backlink)', () => {
    const ids = relatedNotes(graph, notes, 'x/a', isHub).map((r) => r.id);
    expect(ids).not.toContain('x/a');
    expect(ids).not.toContain('x/index');
    expect(ids).not.toContain('x/d'); // two shared tags, but shown under 被引用 already
  });

  it('leaves out notes that score zero', () => {
    expect(relatedNotes(graph, notes, 'x/a', isHub).map((r) => r.id)).not.toContain('y/e');
    expect(relatedNotes(graph, tagged({ 'p/one': ['a'], 'p/two': ['b'] }), 'p/one', isHub)).toEqual([]);
  });

  it('does not count a hub as a shared neighbour', () => {
    const hubOnly = tagged({ 'h/index': ['t'], 'h/p': ['p'], 'h/q': ['q'] });
    const g = graphOf(hubOnly.map((n) => n.id), [['h/index', 'h/p'], ['h/index', 'h/q']]);
    expect(relatedNotes(g, hubOnly, 'h/p', isHub)).toEqual([]);
  });

  it('returns at most five, ties in id order whatever the input order', () => {
    const many = tagged(Object.fromEntries(['m/g', 'm/c', 'm/a', 'm/f', 'm/self', 'm/b', 'm/e', 'm/d'].map((id) => [id, ['t']])));
    const g = graphOf(many.map((n) => n.id), []);
    const result = relatedNotes(g, many, 'm/self', isHub);
    expect(result.map((r) => r.id)).toEqual(['m/a', 'm/b', 'm/c', 'm/d', 'm/e']);
    expect(result.every((r) => r.score === 2)).toBe(true);
    expect(relatedNotes(g, [...many].reverse(), 'm/self', isHub)).toEqual(result);
    expect(relatedNotes(g, many, 'm/self', isHub, 2).map((r) => r.id)).toEqual(['m/a', 'm/b']);
  });

  it('orders by score before id', () => {
    const scored = tagged({ 's/me': ['a', 'b'], 's/aa': ['a'], 's/zz': ['a', 'b'] });
    const g = graphOf(scored.map((n) => n.id), []);
    expect(relatedNotes(g, scored, 's/me', isHub)).toEqual([
      { id: 's/zz', score: 4 },
      { id: 's/aa', score: 2 },
    ]);
  });

  it('is empty for a note it does not know', () => {
    expect(relatedNotes(graph, notes, 'x/missing', isHub)).toEqual([]);
  });
});
