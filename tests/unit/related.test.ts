import { describe, expect, it } from 'vitest';
import type { LinkGraph } from '../../src/corpus/graph';
import { neighbourIds } from '../../src/corpus/graph';
import { isHub, topicOf } from '../../src/corpus/note-id';
import { MIN_SCORE, relatedNotesOfAll, WEIGHTS, type Related, type RelatedCandidate } from '../../src/corpus/related';
import { graphOf } from './graph-fixtures';

const tagged = (entries: Record<string, string[]>): RelatedCandidate[] => Object.entries(entries).map(([id, tags]) => ({ id, tags }));
const relatedOf = (graph: LinkGraph, notes: RelatedCandidate[], id: string, limit = 5) => relatedNotesOfAll(graph, notes, isHub, limit).get(id) ?? [];

/** The rule written the slow, obvious way: every pair scored. The indexed version must agree with it. */
function bruteForce(graph: LinkGraph, notes: readonly RelatedCandidate[], id: string, limit = 5): Related[] {
  const self = notes.find((n) => n.id === id)!;
  const excluded = new Set([id, ...(graph.incoming.get(id) ?? []).map((e) => e.from)]);
  const own = [...neighbourIds(graph, id)].filter((n) => !isHub(n));
  return notes
    .filter((other) => !excluded.has(other.id) && !isHub(other.id))
    .map((other) => {
      const theirs = neighbourIds(graph, other.id);
      const score =
        (topicOf(other.id) === topicOf(id) ? WEIGHTS.sameTopic : 0) +
        WEIGHTS.sharedTag * [...new Set(other.tags)].filter((t) => self.tags.includes(t)).length +
        WEIGHTS.sharedNeighbour * own.filter((n) => theirs.has(n)).length +
        (theirs.has(id) ? WEIGHTS.direct : 0);
      return { id: other.id, score };
    })
    .filter((r) => r.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit);
}

describe('relatedNotesOfAll', () => {
  // a is the note; d links to a (a backlink); the hub links to everything in its topic.
  const notes = tagged({
    'x/index': ['k'],
    'x/a': ['k', 'r'],
    'x/b': ['k', 'r'],
    'x/c': ['k'],
    'x/d': ['k', 'r'],
    'x/e': [],
    'y/n': ['k', 'r'],
    'y/m': ['k'],
    'y/o': ['z'],
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

  it('scores 3 for the same topic, 2 per shared tag, 1 per shared neighbour (hubs left out), 1 for a direct link', () => {
    expect(relatedOf(graph, notes, 'x/a')).toEqual([
      { id: 'x/b', score: 3 + 2 * 2 + 1 }, // same topic; tags k, r; both link to y/n (the shared hub does not count)
      { id: 'x/c', score: 3 + 2 + 1 }, // same topic; tag k; a links to c
      { id: 'y/n', score: 2 * 2 + 1 }, // another topic, but tags k, r and a direct link
    ]);
  });

  it('suggests nothing weak: one shared tag across topics, or the topic alone, is below the threshold', () => {
    const ids = relatedOf(graph, notes, 'x/a').map((r) => r.id);
    expect(ids).not.toContain('y/m'); // one tag in common, another topic: 2
    expect(ids).not.toContain('x/e'); // same topic, nothing else: 3
    expect(relatedOf(graph, notes, 'y/o')).toEqual([]);
  });

  it('never suggests the note itself, a hub, or a note that already links to it (a backlink)', () => {
    const ids = relatedOf(graph, notes, 'x/a').map((r) => r.id);
    expect(ids).not.toContain('x/a');
    expect(ids).not.toContain('x/index');
    expect(ids).not.toContain('x/d'); // same topic and two tags, but shown under 被引用 already
  });

  it('returns at most `limit`, ties in id order whatever the input order', () => {
    const many = tagged(Object.fromEntries(['m/g', 'm/c', 'm/a', 'm/f', 'm/self', 'm/b', 'm/e', 'm/d'].map((id) => [id, ['t']])));
    const g = graphOf(many.map((n) => n.id), []);
    const result = relatedOf(g, many, 'm/self');
    expect(result.map((r) => r.id)).toEqual(['m/a', 'm/b', 'm/c', 'm/d', 'm/e']);
    expect(relatedOf(g, [...many].reverse(), 'm/self')).toEqual(result);
    expect(relatedOf(g, many, 'm/self', 2).map((r) => r.id)).toEqual(['m/a', 'm/b']);
  });

  it('agrees with scoring every pair, on a generated corpus of 300 notes', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `t${i % 7}/n${i}`);
    const generated = ids.map((id, i) => ({ id, tags: [`tag${i % 11}`, `tag${(i * 7) % 13}`, `tag${(i * 3) % 5}`] }));
    const links: [string, string][] = ids.flatMap((id, i) => [1, 17, 101].map((step) => [id, ids[(i * step + 5) % ids.length]!] as [string, string]));
    const g = graphOf(ids, links.filter(([a, b]) => a !== b));
    const fast = relatedNotesOfAll(g, generated, isHub);
    for (const id of ids) expect(fast.get(id), id).toEqual(bruteForce(g, generated, id));
  });
});
