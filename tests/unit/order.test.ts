import { describe, expect, it } from 'vitest';
import { isHub, topicOf } from '../../src/corpus/note-id';
import { neighbours, type NoteLike } from '../../src/corpus/order';

function note(id: string, title: string, extra: Partial<NoteLike['data']> = {}): NoteLike {
  return { id, data: { title, date: new Date('2026-01-01'), ...extra } };
}

describe('topicOf / isHub', () => {
  it('the topic is the first folder of the id', () => {
    expect(topicOf('kafka/replication')).toBe('kafka');
    expect(topicOf('kafka/index')).toBe('kafka');
    expect(topicOf('jvm/gc/g1')).toBe('jvm');
  });

  it('a hub is a topic folder’s index note, nothing else', () => {
    expect(isHub('kafka/index')).toBe(true);
    expect(isHub('kafka/replication')).toBe(false);
    expect(isHub('kafka/reindex')).toBe(false);
    expect(isHub('kafka/index-notes')).toBe(false);
  });
});

describe('neighbours', () => {
  const ordered = [note('t/a', 'A'), note('t/b', 'B'), note('t/c', 'C')];

  it('gives prev and next in the middle', () => {
    const { prev, next } = neighbours(ordered, 't/b');
    expect(prev?.id).toBe('t/a');
    expect(next?.id).toBe('t/c');
  });

  it('has no prev for the first and no next for the last (keys absent, not undefined)', () => {
    expect(neighbours(ordered, 't/a')).toEqual({ next: ordered[1] });
    expect('prev' in neighbours(ordered, 't/a')).toBe(false);
    expect(neighbours(ordered, 't/c')).toEqual({ prev: ordered[1] });
    expect('next' in neighbours(ordered, 't/c')).toBe(false);
  });

  it('has neither for an id not in the list (a hub) or a single-note topic', () => {
    expect(neighbours(ordered, 't/index')).toEqual({});
    expect(neighbours([ordered[0]!], 't/a')).toEqual({});
  });
});
