/** Pure helpers over notes: which topic a note is in, reading order, neighbours. */

export interface NoteLike {
  id: string;
  data: { title: string; order?: number | undefined; date: Date; updated?: Date | undefined };
}

/** `kafka/replication` → `kafka`. A topic is the note's folder. */
export function topicOf(id: string): string {
  return id.split('/')[0] ?? id;
}

/** A topic's hub is its `index.md`. */
export function isHub(id: string): boolean {
  return id.endsWith('/index');
}

/** Reading order inside a topic: explicit `order` first, then by title in Chinese collation. */
export function byReadingOrder(a: NoteLike, b: NoteLike): number {
  const oa = a.data.order ?? Number.MAX_SAFE_INTEGER;
  const ob = b.data.order ?? Number.MAX_SAFE_INTEGER;
  return oa - ob || a.data.title.localeCompare(b.data.title, 'zh-CN');
}

export function lastChanged(note: NoteLike): Date {
  return note.data.updated ?? note.data.date;
}

/** Newest change first; ties by id so the order is stable between builds. */
export function byRecency(a: NoteLike, b: NoteLike): number {
  return lastChanged(b).getTime() - lastChanged(a).getTime() || a.id.localeCompare(b.id);
}

/** Newest change first by the given dates (note id → last change, e.g. from git), else by `lastChanged`; ties by id. */
export function byLastChange(changed: ReadonlyMap<string, Date>): (a: NoteLike, b: NoteLike) => number {
  const time = (note: NoteLike) => (changed.get(note.id) ?? lastChanged(note)).getTime();
  return (a, b) => time(b) - time(a) || a.id.localeCompare(b.id);
}

export function neighbours<T extends NoteLike>(ordered: T[], id: string): { prev?: T; next?: T } {
  const index = ordered.findIndex((note) => note.id === id);
  const result: { prev?: T; next?: T } = {};
  const prev = index > 0 ? ordered[index - 1] : undefined;
  const next = index >= 0 ? ordered[index + 1] : undefined;
  if (prev) result.prev = prev;
  if (next) result.next = next;
  return result;
}
