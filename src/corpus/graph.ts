import { resolveLink, type ResolveOptions } from './resolve';
import type { Corpus } from './model';

/** One link from a note to another note (links inside a note to itself are not edges). */
export interface Edge {
  from: string;
  to: string;
  /** The sentence around the link in the source note. */
  context: string;
}

export interface LinkGraph {
  ids: string[];
  outgoing: Map<string, Edge[]>;
  incoming: Map<string, Edge[]>;
}

/** Builds the note-to-note graph once per build from the corpus; drafts are left out of builds. */
export function buildLinkGraph(corpus: Corpus, options: ResolveOptions): LinkGraph {
  const ids = [...corpus.notes.values()].filter((n) => options.includeDrafts || !n.draft).map((n) => n.id);
  const outgoing = new Map<string, Edge[]>(ids.map((id) => [id, []]));
  const incoming = new Map<string, Edge[]>(ids.map((id) => [id, []]));
  for (const from of ids) {
    const seen = new Set<string>();
    for (const link of corpus.notes.get(from)!.links) {
      const result = resolveLink(corpus, from, link, options);
      if (!result.ok || result.kind !== 'note' || result.id === from || !incoming.has(result.id)) continue;
      // One edge per pair: the first link's sentence is the one shown.
      if (seen.has(result.id)) continue;
      seen.add(result.id);
      const edge = { from, to: result.id, context: link.context };
      outgoing.get(from)!.push(edge);
      incoming.get(result.id)!.push(edge);
    }
  }
  return { ids, outgoing, incoming };
}

/** Notes linked with `id` in either direction. */
export function neighbourIds(graph: LinkGraph, id: string): Set<string> {
  return new Set([
    ...(graph.outgoing.get(id) ?? []).map((e) => e.to),
    ...(graph.incoming.get(id) ?? []).map((e) => e.from),
  ]);
}
