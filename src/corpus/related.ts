import { neighbourIds, type LinkGraph } from './graph';

export interface RelatedCandidate {
  id: string;
  tags: readonly string[];
}

export interface Related {
  id: string;
  score: number;
}

/**
 * Up to `limit` notes related to `id`. Score = 2 × shared tags + 1 × shared neighbours
 * (notes both link with; topic hubs left out, since they link to everything) + 1 if the two
 * link to each other. The note itself, hubs and the notes already shown as backlinks are
 * never suggested; ties go to the lower id so builds are stable.
 */
export function relatedNotes(
  graph: LinkGraph,
  notes: readonly RelatedCandidate[],
  id: string,
  isHub: (id: string) => boolean,
  limit = 5,
): Related[] {
  const self = notes.find((n) => n.id === id);
  if (!self) return [];
  const excluded = new Set([id, ...(graph.incoming.get(id) ?? []).map((e) => e.from)]);
  const ownTags = new Set(self.tags);
  const ownNeighbours = [...neighbourIds(graph, id)].filter((n) => !isHub(n));
  return notes
    .filter((other) => !excluded.has(other.id) && !isHub(other.id))
    .map((other) => {
      const sharedTags = other.tags.filter((t) => ownTags.has(t)).length;
      const theirs = neighbourIds(graph, other.id);
      const sharedNeighbours = ownNeighbours.filter((n) => theirs.has(n)).length;
      const direct = theirs.has(id) ? 1 : 0;
      return { id: other.id, score: 2 * sharedTags + sharedNeighbours + direct };
    })
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit);
}
