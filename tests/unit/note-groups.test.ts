import { describe, expect, it } from 'vitest';
import { GROUP_SIZE, groupMembers, noteGroups } from '../../src/corpus/note-groups';

describe('noteGroups', () => {
  const ids = (topic: string, n: number) => [`${topic}/index`, ...Array.from({ length: n }, (_, i) => `${topic}/n${i}`)];
  const topics = [{ id: 'kafka', noteIds: ids('kafka', 40) }, { id: 'jvm', noteIds: ids('jvm', 3) }];
  const groupOf = noteGroups(topics);

  it('puts consecutive notes of one topic in a file, at most GROUP_SIZE to a file', () => {
    expect(groupOf.get('kafka/index')).toBe('kafka-0');
    expect(groupOf.get(`kafka/n${GROUP_SIZE - 2}`)).toBe('kafka-0');
    expect(groupOf.get(`kafka/n${GROUP_SIZE - 1}`)).toBe('kafka-1');
    expect(groupOf.get('jvm/n2')).toBe('jvm-0');
    const members = groupMembers(groupOf);
    expect([...members.keys()]).toEqual(['kafka-0', 'kafka-1', 'kafka-2', 'jvm-0']);
    expect([...members.values()].every((group) => group.length <= GROUP_SIZE)).toBe(true);
    expect([...members.values()].flat()).toEqual(topics.flatMap((topic) => topic.noteIds));
  });
});
