/** Orders of notes: reading order inside a topic, newest change first, and a note's neighbours. */

export interface NoteLike {
  id: string;
  data: { title: string; order?: number | undefined; date: Date; updated?: Date | undefined };
}

/** Reading order inside a topic: explicit `order` first, then by title in Chinese collation. */
export function byReadingOrder(a: NoteLike, b: NoteLike): number {
  const oa = a.data.order ?? Number.MAX_SAFE_INTEGER;
  const ob = b.data.order ?? Number.MAX_SAFE_INTEGER;
  return oa - ob || a.data.title.localeCompare(b.data.title, 'zh-CN');
}

/** Newest change first by the given dates (note id → last change, e.g. from git), else by front matter; ties by id. */
export function byLastChange(changed: ReadonlyMap<string, Date>): (a: NoteLike, b: NoteLike) => number {
  const time = (note: NoteLike) => (changed.get(note.id) ?? note.data.updated ?? note.data.date).getTime();
  return (a, b) => time(b) - time(a) || a.id.localeCompare(b.id);
}

/** The notes before and after `id` in `ordered`. */
export function neighbours<T extends NoteLike>(ordered: T[], id: string): { prev?: T; next?: T } {
  const index = ordered.findIndex((note) => note.id === id);
  const result: { prev?: T; next?: T } = {};
  const prev = index > 0 ? ordered[index - 1] : undefined;
  const next = index >= 0 ? ordered[index + 1] : undefined;
  if (prev) result.prev = prev;
  if (next) result.next = next;
  return result;
}
