/** Orders of notes: newest change first, and a note's neighbours (reading order: reading-order.ts). */

export interface NoteLike {
  id: string;
  data: { title: string; date: Date; updated?: Date | undefined };
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
