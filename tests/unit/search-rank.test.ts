import { describe, expect, it } from 'vitest';
import { queryTerms, rankHits, termPattern } from '../../src/client/search/rank';

const hit = (id: string, score: number, title: string, text: string) => ({ id, score, title, text });
const order = (query: string, hits: ReturnType<typeof hit>[]) => rankHits(query, hits).map((r) => `${r.hit.id}:${r.match}`);

describe('rankHits', () => {
  it('puts a page holding the whole term above one holding only its pieces, whatever Pagefind scored', () => {
    const jvm = hit('jvm', 9, 'JVM 内存', '内存分配与回收，区域划分');
    const kafka = hit('kafka', 1, 'Kafka', '每个主题有多个分区');
    expect(order('分区', [jvm, kafka])).toEqual(['kafka:phrase', 'jvm:partial']);
  });

  it('ranks the phrase, then all words, then some words', () => {
    const phrase = hit('phrase', 1, '', 'a consumer group reads');
    const words = hit('words', 5, '', 'group of consumer processes');
    const one = hit('one', 9, '', 'consumer only');
    expect(order('consumer group', [one, words, phrase])).toEqual(['phrase:phrase', 'words:terms', 'one:partial']);
  });

  it('within whole matches, a title holding the query comes first', () => {
    const body = hit('body', 10, 'Kafka 概览', '分区 分区 分区');
    const title = hit('title', 1, 'Kafka 分区存储', '分区');
    expect(order('分区', [body, title])[0]).toBe('title:phrase');
  });

  it('then orders by Pagefind score plus ln(1 + occurrences), so a near-tie goes to the note about the term', () => {
    const mentions = hit('mentions', 5.4, '', 'StartLimitBurst '.repeat(5));
    const about = hit('about', 5.28, '', 'StartLimitBurst '.repeat(9));
    const far = hit('far', 15.4, '', 'StartLimitBurst '.repeat(2));
    expect(order('StartLimitBurst', [mentions, about, far]).map((r) => r.split(':')[0])).toEqual(['far', 'about', 'mentions']);
  });

  it('compares case-insensitively and after NFKC (full-width letters)', () => {
    expect(order('ＩＳＲ', [hit('a', 1, '', 'the isr shrinks')])).toEqual(['a:phrase']);
  });

  it('keeps Pagefind order for ties and for an empty query', () => {
    expect(order('', [hit('a', 1, '', 'x'), hit('b', 1, '', 'y')])).toEqual(['a:partial', 'b:partial']);
  });
});

describe('queryTerms and termPattern', () => {
  it('splits on spaces, drops quotes and lowercases', () => {
    expect(queryTerms(' "Consumer  Group" ')).toEqual(['consumer', 'group']);
  });

  it('matches config keys literally, regex characters included', () => {
    const pattern = termPattern(queryTerms('-Xmx min.insync.replicas'));
    expect('java -Xmx2g; min.insync.replicas=2; minXinsyncXreplicas'.match(pattern)).toEqual(['-Xmx', 'min.insync.replicas']);
  });
});
