/**
 * Per-note data the browser fetches on demand (link previews, local graphs) is written a group of
 * notes to a file, not a file per note: a 10,000-note site would otherwise add 20,000 small files
 * and pass static hosts' file limits. A group is up to GROUP_SIZE consecutive notes of one topic in
 * reading order (hub first), so a note's neighbours in its topic usually share its file.
 */
export const GROUP_SIZE = 16;

/** Note id → its group's name (`kafka-0`), for topics given as their note ids in order. */
export function noteGroups(topics: readonly { id: string; noteIds: readonly string[] }[]): Map<string, string> {
  const groupOf = new Map<string, string>();
  for (const topic of topics) {
    topic.noteIds.forEach((id, i) => groupOf.set(id, `${topic.id}-${Math.floor(i / GROUP_SIZE)}`));
  }
  return groupOf;
}

/** Group name → its note ids, in order. */
export function groupMembers(groupOf: ReadonlyMap<string, string>): Map<string, string[]> {
  const members = new Map<string, string[]>();
  for (const [id, group] of groupOf) {
    const list = members.get(group);
    if (list) list.push(id);
    else members.set(group, [id]);
  }
  return members;
}
