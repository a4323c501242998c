import { neighbourIds, type LinkGraph } from './graph';
import type { GraphData, GraphEdge } from '../lib/graph-types';
import { topicOf } from './note-id';

export interface GraphNoteInput {
  id: string;
  title: string;
}

/**
 * Nodes for `notes` (in the order given) and an edge for every pair of them that links, once,
 * whichever way the link goes. Links to notes outside `notes` are left out.
 */
export function graphData(graph: LinkGraph, notes: readonly GraphNoteInput[], urlOf: (id: string) => string): GraphData {
  const index = new Map(notes.map((note, i) => [note.id, i]));
  const nodes = notes.map((note) => ({ id: note.id, title: note.title, topic: topicOf(note.id), url: urlOf(note.id) }));
  const seen = new Set<string>();
  const edges: GraphEdge[] = [];
  for (const [i, note] of notes.entries()) {
    for (const edge of graph.outgoing.get(note.id) ?? []) {
      const j = index.get(edge.to);
      if (j === undefined || j === i) continue;
      const key = i < j ? `${i} ${j}` : `${j} ${i}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ source: i, target: j });
    }
  }
  return { nodes, edges };
}

/**
 * A note and the notes it links with either way (depth 1), with the edges among all of them:
 * what the note page's local graph shows. The note itself comes first.
 */
export function localGraphData(
  graph: LinkGraph,
  id: string,
  titleOf: (id: string) => string | undefined,
  urlOf: (id: string) => string,
): GraphData {
  const note = (other: string) => {
    const title = titleOf(other);
    return title === undefined ? [] : [{ id: other, title }];
  };
  const self = note(id);
  if (self.length === 0) return { nodes: [], edges: [] };
  const around = [...neighbourIds(graph, id)].sort().flatMap(note);
  return graphData(graph, [...self, ...around], urlOf);
}
