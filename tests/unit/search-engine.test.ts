/**
 * The whole search, index to results, on a handful of small notes: the index is built as the
 * site build builds it, and the browser code reads it through a fetch that serves those files.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSearchIndex, type SourcePage } from '../../src/integrations/search/build-index';
import { foldTable } from '../../src/integrations/search/folding';
import { loadExcerpt, searchNotes, type SearchResponse } from '../../src/client/search/query';

const page = (path: string, title: string, topic: string, body: string, tags = ['t']): SourcePage => ({
  path,
  title,
  description: `${title}的说明。`,
  topic,
  tags,
  html: body,
});

const pages: SourcePage[] = [
  page('kafka/partition-storage/', 'Kafka 分区存储', 'Kafka', '<p>每个分区是一组 segment 文件。</p><h2 id="稀疏索引">稀疏索引</h2><p>分区的索引是稀疏的，分区越多文件越多。</p>', ['kafka']),
  page('jvm/heap/', 'JVM 堆', 'JVM', '<p>内存分配与回收，区域划分。</p><p>堆内存由 -Xmx 控制。</p>', ['jvm']),
  page(
    'supervision/restart/',
    'systemd 崩溃重启',
    '进程守护',
    '<p>进程崩溃后 systemd 自动重启它。</p><h2 id="restart-的取值">Restart= 的取值</h2><p>长期运行的服务用 Restart=on-failure，RestartSec=5s；一直在线才用 Restart=always。</p>',
  ),
  page('supervision/compare/', 'supervisord 与 systemd', '进程守护', '<p>对照表：Restart=on-failure 与 autorestart；RestartSec 与 startsecs；always 表示总是重启。</p>'),
  page('kafka/replication/', 'Kafka 副本', 'Kafka', '<p>acks=1 时 leader 宕机会丢消息。</p>', ['kafka']),
  page('kafka/consumer/', 'Kafka 消费者', 'Kafka', '<p>先提交 offset 再处理，进程崩溃时这部分消息就丢了。</p><p>记者组织消费者参观机房。</p>', ['kafka']),
  page('kafka/overview/', 'Kafka 概览', 'Kafka', '<p>broker 用零拷贝（sendfile）把页缓存里的数据直接发给消费者。</p>', ['kafka']),
];

const synonyms = [
  ['挂了', '崩溃', '退出'],
  ['丢消息', '消息丢失'],
  ['zero copy', '零拷贝', 'sendfile'],
];

const BASE = '/kb/';
const fetched: string[] = [];

beforeAll(() => {
  const { files } = buildSearchIndex(pages, { synonyms, foldTable, shardChars: 400 });
  vi.stubGlobal('fetch', async (url: string) => {
    const path = url.slice(BASE.length);
    fetched.push(path);
    const body = files.get(path);
    return { ok: body !== undefined, status: body === undefined ? 404 : 200, json: async () => JSON.parse(body!) };
  });
});
afterAll(() => vi.unstubAllGlobals());

const paths = (response: SearchResponse) => response.results.map((result) => result.url.slice(BASE.length).split(/[?#]/)[0]);
const excerptText = (response: SearchResponse, i = 0) => response.results[i]!.excerpt!.parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('searchNotes', () => {
  it('finds the notes holding the whole word, never those holding only its characters (分区, not 分配 + 区域)', async () => {
    const response = await searchNotes(BASE, '分区');
    expect(paths(response)).toEqual(['kafka/partition-storage/']);
    expect(response.results[0]!.match).toBe('phrase');
    expect(excerptText(response)).toContain('[分区]');
  });

  it('links a result to the section of its excerpt, with the words to mark', async () => {
    const response = await searchNotes(BASE, '稀疏索引');
    expect(response.results[0]!.url).toBe(`${BASE}kafka/partition-storage/?highlight=${encodeURIComponent('稀疏索引')}#${encodeURIComponent('稀疏索引')}`);
  });

  it('marks a config key as typed, not the keys that share its words (Restart=always, not RestartSec)', async () => {
    const response = await searchNotes(BASE, 'Restart=always');
    expect(paths(response)[0]).toBe('supervision/restart/');
    expect(excerptText(response)).toContain('[Restart=always]');
    expect(excerptText(response)).not.toContain('[RestartSec');
    // The comparison note has restart and always, but not together: a word match, after the phrase.
    expect(response.results.find((r) => r.url.includes('compare'))?.match).not.toBe('phrase');
  });

  it('expands a symptom with its synonyms and ranks the note about it (进程挂了自动重启)', async () => {
    const response = await searchNotes(BASE, '进程挂了自动重启');
    expect(paths(response)[0]).toBe('supervision/restart/');
    expect(response.results[0]!.match).toBe('near');
    expect(response.synonyms).toContain('崩溃');
  });

  it('puts notes saying the words as typed before notes saying a synonym, and finds words said in parts (消息丢失)', async () => {
    const response = await searchNotes(BASE, '消息丢失');
    expect(paths(response).slice(0, 2)).toEqual(['kafka/replication/', 'kafka/consumer/']);
    expect(response.results.map((r) => r.match).slice(0, 2)).toEqual(['near', 'terms']);
    expect(response.synonyms).toEqual(['丢消息']);
    const literal = await searchNotes(BASE, '丢消息');
    expect(literal.results[0]!.match).toBe('phrase');
  });

  it('finds a Latin synonym of a Chinese word (zero copy → 零拷贝, sendfile)', async () => {
    const response = await searchNotes(BASE, 'zero copy');
    expect(paths(response)).toEqual(['kafka/overview/']);
    expect(excerptText(response)).toContain('[零拷贝]');
  });

  it('returns nothing for words no note holds, and no near misses (qwertyzzz, 卡夫卡, 机房外)', async () => {
    for (const query of ['qwertyzzz', '卡夫卡', 'segmentation']) expect(paths(await searchNotes(BASE, query)), query).toEqual([]);
  });

  it('demotes a note whose passage holds the phrase’s character pairs but not the phrase', async () => {
    // 记者组织消费者 holds 消费, 费者 and 者组 but not 消费者组.
    const response = await searchNotes(BASE, '消费者组');
    const consumer = response.results.find((r) => r.url.includes('kafka/consumer/'))!;
    expect(consumer.ranked.match).toBe('phrase');
    expect(consumer.match).toBe('near');
  });

  it('folds Traditional phrases and fetches the table only for a query that needs it', async () => {
    // A fresh copy of the browser code: the table is fetched once per page view.
    vi.resetModules();
    const { searchNotes } = await import('../../src/client/search/query');
    fetched.length = 0;
    await searchNotes(BASE, '堆内存');
    expect(fetched.filter((path) => path.endsWith('fold.json'))).toEqual([]);
    const response = await searchNotes(BASE, '記憶體');
    expect(response.query).toBe('内存');
    expect(paths(response)).toEqual(['jvm/heap/']);
    expect(fetched.filter((path) => path.endsWith('fold.json'))).toHaveLength(1);
  });

  it('filters by topic and tag, and lists a filter’s notes for an empty query', async () => {
    expect(paths(await searchNotes(BASE, '分区', { topic: 'JVM' }))).toEqual([]);
    const listed = await searchNotes(BASE, '', { tag: 'jvm' });
    expect(paths(listed)).toEqual(['jvm/heap/']);
    // With nothing to mark, the excerpt is the note's description.
    expect(excerptText(listed)).toBe('JVM 堆的说明。');
    expect(paths(await searchNotes(BASE, ''))).toEqual([]);
  });

  it('loads excerpts of later results on demand', async () => {
    const response = await searchNotes(BASE, 'Kafka');
    const last = response.results.at(-1)!;
    if (!last.excerpt) await loadExcerpt(BASE, last);
    expect(last.excerpt!.parts.some((part) => part.mark && /kafka/i.test(part.text))).toBe(true);
  });
});
