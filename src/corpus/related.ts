import { neighbourIds, type LinkGraph } from './graph';
import { topicOf } from './note-id';

export interface RelatedCandidate {
  id: string;
  tags: readonly string[];
}

export interface Related {
  id: string;
  score: number;
}

/**
 * The rule: score = 3 if both notes are in the same topic + 2 per shared tag + 1 per shared
 * neighbour (a note both link with, either way; hubs left out, since they link to everything)
 * + 1 if the two link to each other. A note is suggested only from MIN_SCORE up, so a note in
 * another topic needs two shared tags, or a tag and two links in common: none rather than weak
 * ones. The note itself, hubs and the notes already shown as backlinks are never suggested; the
 * best `limit` are kept, ties by id so builds are stable.
 */
export const WEIGHTS = { sameTopic: 3, sharedTag: 2, sharedNeighbour: 1, direct: 1 } as const;
export const MIN_SCORE = 4;

/**
 * Related notes for every note at once, in O(n · k): candidates come from inverted indexes
 * (topic → notes, tag → notes, neighbour → neighbours) instead of scoring every pair.
 */
export function relatedNotesOfAll(
  graph: LinkGraph,
  notes: readonly RelatedCandidate[],
  isHub: (id: string) => boolean,
  limit = 5,
): Map<string, Related[]> {
  const eligible = notes.filter((note) => !isHub(note.id));
  const byTopic = groupBy(eligible, (note) => [topicOf(note.id)]);
  const byTag = groupBy(eligible, (note) => note.tags);
  const eligibleIds = new Set(eligible.map((note) => note.id));
  const neighbours = new Map(notes.map((note) => [note.id, [...neighbourIds(graph, note.id)].filter((n) => !isHub(n))]));
  const result = new Map<string, Related[]>();
  for (const note of notes) {
    const scores = new Map<string, number>();
    const add = (id: string, points: number) => scores.set(id, (scores.get(id) ?? 0) + points);
    for (const other of byTopic.get(topicOf(note.id)) ?? []) add(other, WEIGHTS.sameTopic);
    for (const tag of new Set(note.tags)) for (const other of byTag.get(tag) ?? []) add(other, WEIGHTS.sharedTag);
    for (const shared of neighbours.get(note.id) ?? []) {
      for (const other of neighbours.get(shared) ?? []) add(other, WEIGHTS.sharedNeighbour);
    }
    for (const other of neighbourIds(graph, note.id)) add(other, WEIGHTS.direct);
    const excluded = new Set([note.id, ...(graph.incoming.get(note.id) ?? []).map((edge) => edge.from)]);
    result.set(note.id, best(scores, (id) => eligibleIds.has(id) && !excluded.has(id), limit));
  }
  return result;
}

function best(scores: Map<string, number>, allowed: (id: string) => boolean, limit: number): Related[] {
  return [...scores]
    .filter(([id, score]) => score >= MIN_SCORE && allowed(id))
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit);
}

function groupBy<T extends { id: string }>(items: readonly T[], keys: (item: T) => Iterable<string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      const group = groups.get(key);
      if (group) group.push(item.id);
      else groups.set(key, [item.id]);
    }
  }
  return groups;
}
