import { describe, expect, it } from 'vitest';
import { decodeInts, decodePostings, encodeInts, encodePostings, PostingsWriter } from '../../src/lib/search/codec';
import { compounds, hanPairs, indexTerms, latinTokens, normalize, wordPairs } from '../../src/lib/search/terms';

describe('indexTerms', () => {
  it('indexes Chinese as single characters and overlapping pairs, with counts', () => {
    const terms = indexTerms('分区存储，分区');
    expect(terms.get('分区')).toBe(2);
    expect(terms.get('区存')).toBe(1);
    expect(terms.get('储')).toBe(1);
    // A pair never spans punctuation.
    expect(terms.has('储分')).toBe(false);
  });

  it('indexes Latin words, word pairs and config keys with their tails, case and width folded', () => {
    const terms = indexTerms('Set Restart=always and min.insync.replicas=2; ＩＳＲ shrinks');
    for (const term of ['restart', 'always', 'restart=always', 'min.insync.replicas=2', 'insync.replicas=2', '.replicas=2', 'replicas=2', 'isr', 'isr shrinks']) {
      expect(terms.has(term), term).toBe(true);
    }
    // Words pair with words, not with the parts of a key.
    expect(terms.has('always and')).toBe(false);
    expect(terms.has('set restart')).toBe(false);
  });

  it('keeps a leading dash and drops sentence punctuation at the end of a key', () => {
    expect(compounds('用 -Xmx2g 启动，或 JAVA_OPTS=-Xmx2g。设置 Restart=.')).toEqual(
      expect.arrayContaining(['-Xmx2g', 'JAVA_OPTS=-Xmx2g', '-Xmx2g', 'Restart=']),
    );
    expect(latinTokens('at the end: linger.ms.')).toEqual([
      { token: 'at', compound: false },
      { token: 'the', compound: false },
      { token: 'end', compound: false },
      { token: 'linger.ms', compound: true },
    ]);
  });

  it('pairs Latin words only across spaces, never across Chinese', () => {
    expect(wordPairs('consumer group 和 group coordinator')).toEqual(['consumer group', 'group coordinator']);
    expect(hanPairs('堆')).toEqual(['堆']);
    expect(normalize('ＡＢＣ')).toBe('abc');
  });
});

describe('codec', () => {
  it('round-trips integers of any size in base64url characters', () => {
    const values = [0, 1, 31, 32, 1023, 1024, 123456789];
    const encoded = encodeInts(values);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeInts(encoded)).toEqual(values);
    expect(encodeInts([0, 5])).toHaveLength(2);
    expect(() => encodeInts([-1])).toThrow(/not a non-negative integer/);
  });

  it('round-trips postings stored as gaps', () => {
    const postings = [
      { page: 3, count: 7, passages: [0, 4, 9] },
      { page: 40, count: 1, passages: [2] },
    ];
    expect(decodePostings(encodePostings(postings))).toEqual(postings);
  });

  it('writes postings page by page exactly as encodePostings does, however long the list grows', () => {
    const postings = Array.from({ length: 3000 }, (_, i) => ({ page: i * 7 + (i % 3), count: (i * 13) % 50 + 1, passages: [i % 4, (i % 4) + 2 + (i % 900)] }));
    const writer = new PostingsWriter();
    for (const { page, count, passages } of postings) writer.add(page, count, passages);
    expect(writer.toString()).toBe(encodePostings(postings));
    expect(decodePostings(writer.toString())).toEqual(postings);
    expect(() => new PostingsWriter().add(-1, 1, [])).toThrow(/not a non-negative integer/);
  });
});
