/**
 * A topic's reading order is defined by its hub (`<topic>/index.md`): the order in which the hub
 * first links to each of the topic's notes (its reading-order table or list). Notes the hub does
 * not link come after, by title in Chinese collation. There is no second source to contradict it:
 * an `order` field in front matter is a schema error (content.config.ts).
 */
export interface OrderedNote {
  id: string;
  data: { title: string };
}

/**
 * `notes` (one topic, hub excluded) in reading order. `hubLinks` are the ids the hub links to, in
 * link order (the hub's outgoing edges); links to other topics or to unknown notes are ignored.
 */
export function inReadingOrder<T extends OrderedNote>(notes: readonly T[], hubLinks: readonly string[]): T[] {
  const place = new Map<string, number>();
  for (const id of hubLinks) if (!place.has(id)) place.set(id, place.size);
  const rank = (note: T) => place.get(note.id) ?? Number.POSITIVE_INFINITY;
  return [...notes].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== rb) return ra < rb ? -1 : 1;
    return a.data.title.localeCompare(b.data.title, 'zh-CN') || a.id.localeCompare(b.id);
  });
}
