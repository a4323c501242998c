import { describe, expect, it } from 'vitest';
import { excerptOf, holds, markPattern } from '../../src/client/search/excerpt';

const shown = (text: string, marks: string[]) =>
  excerptOf({ anchor: 'a', text }, marks).parts.map((part) => (part.mark ? `[${part.text}]` : part.text)).join('');

describe('markPattern', () => {
  it('matches config keys literally and case-insensitively, spaces loosely', () => {
    const pattern = markPattern(['-Xmx', 'min.insync.replicas', 'consumer group'])!;
    expect('java -XMX2g; min.insync.replicas=2; minXinsyncXreplicas; consumer  group'.match(pattern)).toEqual(['-XMX', 'min.insync.replicas', 'consumer  group']);
  });

  it('starts a Latin word only at a word boundary, Chinese anywhere', () => {
    expect('HeapOom 与 OOM killer'.match(markPattern(['oom'])!)).toEqual(['OOM']);
    expect('内存溢出后内存'.match(markPattern(['内存'])!)).toEqual(['内存', '内存']);
  });
});

describe('excerptOf', () => {
  it('shows the line around the first match and marks every occurrence of the phrase, not its neighbours', () => {
    const text = '第一段。\n长期运行的服务用 Restart=on-failure，RestartSec=5s；一直在线才用 Restart=always。最后 Restart=always。\n第三段。';
    expect(shown(text, ['restart=always'])).toBe('…ailure，RestartSec=5s；一直在线才用 [Restart=always]。最后 [Restart=always]。');
  });

  it('cuts a long line with ellipses on both sides', () => {
    const text = `${'甲'.repeat(100)}分区${'乙'.repeat(200)}`;
    const parts = excerptOf({ anchor: '', text }, ['分区']).parts;
    expect(parts[0]!.text).toBe('…');
    expect(parts.at(-1)!.text).toBe('…');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['分区']);
    expect(parts.map((p) => p.text).join('').length).toBeLessThanOrEqual(112);
  });

  it('starts at the passage when nothing is there to mark, and keeps the section to link to', () => {
    const excerpt = excerptOf({ anchor: 'lag-是什么', text: '没有要标的词。' }, ['分区']);
    expect(excerpt).toEqual({ anchor: 'lag-是什么', parts: [{ text: '没有要标的词。', mark: false }] });
  });
});

describe('holds', () => {
  it('tells whether a passage holds a phrase, not just its terms', () => {
    expect(holds({ anchor: '', text: '消费者组的再均衡' }, '消费者组')).toBe(true);
    expect(holds({ anchor: '', text: '记者组织消费者参观' }, '消费者组')).toBe(false);
  });
});
