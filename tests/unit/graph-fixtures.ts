import type { Edge, LinkGraph } from '../../src/corpus/graph';

/** A link graph from `from → to` pairs, as buildLinkGraph would make it (contexts do not matter here). */
export function graphOf(ids: string[], links: [string, string][]): LinkGraph {
  const outgoing = new Map<string, Edge[]>(ids.map((id) => [id, []]));
  const incoming = new Map<string, Edge[]>(ids.map((id) => [id, []]));
  for (const [from, to] of links) {
    const edge = { from, to, context: '' };
    outgoing.get(from)!.push(edge);
    incoming.get(to)!.push(edge);
  }
  return { ids, outgoing, incoming };
}
