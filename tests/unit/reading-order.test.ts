import { describe, expect, it } from 'vitest';
import { inReadingOrder, type OrderedNote } from '../../src/corpus/reading-order';

const note = (id: string, title: string): OrderedNote => ({ id, data: { title } });
const ids = (notes: OrderedNote[]) => notes.map((n) => n.id);

describe('inReadingOrder', () => {
  const notes = [note('k/a', '安装'), note('k/b', '部署'), note('k/c', '测试'), note('k/d', '调优')];

  it('follows the order in which the hub first links to each note', () => {
    expect(ids(inReadingOrder(notes, ['k/d', 'k/b', 'k/a', 'k/c']))).toEqual(['k/d', 'k/b', 'k/a', 'k/c']);
  });

  it('counts only the first link to a note: later links (a "by question" list) do not move it', () => {
    expect(ids(inReadingOrder(notes, ['k/c', 'k/a', 'k/b', 'k/d', 'k/a', 'k/c']))).toEqual(['k/c', 'k/a', 'k/b', 'k/d']);
  });

  it('puts notes the hub does not link after the linked ones, by title in Chinese (pinyin) collation', () => {
    // 部署 (bu) before 测试 (ce): pinyin order; by code point 测 (U+6D4B) would come before 部 (U+90E8).
    expect(ids(inReadingOrder(notes, ['k/b']))).toEqual(['k/b', 'k/a', 'k/c', 'k/d']);
    expect(ids(inReadingOrder(notes, []))).toEqual(['k/a', 'k/b', 'k/c', 'k/d']);
  });

  it('ignores links to notes outside the list (other topics, the hub itself)', () => {
    expect(ids(inReadingOrder(notes, ['jvm/heap', 'k/c', 'k/index', 'k/a']))).toEqual(['k/c', 'k/a', 'k/b', 'k/d']);
  });

  it('breaks title ties by id, so the order is the same on every build', () => {
    const twins = [note('k/y', '同名'), note('k/x', '同名')];
    expect(ids(inReadingOrder(twins, []))).toEqual(['k/x', 'k/y']);
  });

  it('does not change its input', () => {
    const input = [...notes];
    inReadingOrder(input, ['k/d']);
    expect(ids(input)).toEqual(['k/a', 'k/b', 'k/c', 'k/d']);
  });
});
