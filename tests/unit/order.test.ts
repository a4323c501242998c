import { describe, expect, it } from 'vitest';
import { isHub, topicOf } from '../../src/corpus/note-id';
import { byReadingOrder, neighbours, type NoteLike } from '../../src/corpus/order';

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

describe('byReadingOrder', () => {
  it('puts notes with an order first, by order', () => {
    const sorted = [note('t/c', '丙', { order: 3 }), note('t/x', '阿'), note('t/a', '甲', { order: 1 }), note('t/b', '乙', { order: 2 })]
      .sort(byReadingOrder)
      .map((n) => n.id);
    expect(sorted).toEqual(['t/a', 't/b', 't/c', 't/x']);
  });

  it('orders order 0 and negative orders before positive ones', () => {
    const sorted = [note('t/one', 'a', { order: 1 }), note('t/zero', 'b', { order: 0 }), note('t/neg', 'c', { order: -1 })]
      .sort(byReadingOrder)
      .map((n) => n.id);
    expect(sorted).toEqual(['t/neg', 't/zero', 't/one']);
  });

  it('orders notes without order (and equal orders) by title in Chinese (pinyin) collation, not code points', () => {
    // Code points would give 安 (5B89) < 测 (6D4B) < 部 (90E8); pinyin gives an < bu < ce.
    const unordered = [note('t/3', '测试'), note('t/1', '安装'), note('t/2', '部署')].sort(byReadingOrder);
    expect(unordered.map((n) => n.data.title)).toEqual(['安装', '部署', '测试']);
    const tied = [note('t/3', '测试', { order: 5 }), note('t/1', '安装', { order: 5 }), note('t/0', '最后', { order: 6 })].sort(byReadingOrder);
    expect(tied.map((n) => n.data.title)).toEqual(['安装', '测试', '最后']);
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
