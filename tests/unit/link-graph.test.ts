import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLinkGraph, neighbourIds, type LinkGraph } from '../../src/corpus/graph';
import { readCorpus } from '../../src/corpus/read';
import { frontMatter, removeDir, writeNotes } from '../support/content';

const NOTES = {
  // Two links to the same note (one edge, the first sentence), a link to itself, a heading link
  // in the same note, a broken link and a link to a draft.
  'a/one.md': `${frontMatter('一')}
先看[第二篇](../b/two.md)里的定义。后面还会再提到 [[two]]。

本文的[开头](./one.md)和[小节](#小节)不是边。[不存在](./missing.md) 也不是。

草稿里有 [[c/draft]] 的初稿。

## 小节
`,
  'b/two.md': `${frontMatter('二')}
回到[第一篇](../a/one.md#小节)查看小节。也可以看 [[b/three]]。
`,
  'b/three.md': `${frontMatter('三')}
没有链接的一篇。
`,
  'c/draft.md': `${frontMatter('草稿', ['draft: true'])}
草稿链接到 [[a/one]]。
`,
};

describe('buildLinkGraph', () => {
  const dir = writeNotes(NOTES);
  afterAll(() => removeDir(dir));
  const corpus = readCorpus(dir);
  const published = buildLinkGraph(corpus, { includeDrafts: false, fileExists: fs.existsSync });
  const withDrafts = buildLinkGraph(corpus, { includeDrafts: true, fileExists: fs.existsSync });
  const pairs = (graph: LinkGraph) => [...graph.outgoing.values()].flat().map((e) => `${e.from} → ${e.to}`).sort();

  it('keeps one edge per ordered pair, the first link of the two', () => {
    const toTwo = published.outgoing.get('a/one')!.filter((e) => e.to === 'b/two');
    expect(toTwo).toHaveLength(1);
    expect(toTwo[0]!.context).toBe('先看第二篇里的定义。');
  });

  it('ignores links to the note itself, in-page anchors and broken links', () => {
    expect(pairs(published)).toEqual(['a/one → b/two', 'b/two → a/one', 'b/two → b/three']);
    expect(published.incoming.get('a/one')!.map((e) => e.from)).toEqual(['b/two']);
  });

  it('leaves drafts out of the graph unless drafts are included', () => {
    expect(published.ids.sort()).toEqual(['a/one', 'b/three', 'b/two']);
    expect(published.outgoing.has('c/draft')).toBe(false);
    expect(withDrafts.ids.sort()).toEqual(['a/one', 'b/three', 'b/two', 'c/draft']);
    expect(pairs(withDrafts)).toEqual(['a/one → b/two', 'a/one → c/draft', 'b/two → a/one', 'b/two → b/three', 'c/draft → a/one']);
  });

  it('has matching incoming and outgoing lists: every edge is in both, the same object', () => {
    for (const graph of [published, withDrafts]) {
      const out = [...graph.outgoing.values()].flat();
      const inc = [...graph.incoming.values()].flat();
      expect(inc).toHaveLength(out.length);
      for (const edge of out) expect(graph.incoming.get(edge.to)).toContain(edge);
      for (const edge of inc) expect(graph.outgoing.get(edge.from)).toContain(edge);
      for (const id of graph.ids) {
        expect(graph.outgoing.get(id)!.every((e) => e.from === id)).toBe(true);
        expect(graph.incoming.get(id)!.every((e) => e.to === id)).toBe(true);
      }
    }
  });

  it('keeps the sentence around each link as its context', () => {
    const back = published.incoming.get('a/one')![0]!;
    expect(back.context).toBe('回到第一篇查看小节。');
    expect(published.outgoing.get('b/two')!.find((e) => e.to === 'b/three')!.context).toMatch(/^也可以看 .+。$/);
    expect(withDrafts.outgoing.get('c/draft')![0]!.context).toContain('草稿链接到');
  });

  it('neighbourIds joins both directions, once each', () => {
    expect([...neighbourIds(published, 'b/two')].sort()).toEqual(['a/one', 'b/three']);
    expect([...neighbourIds(published, 'b/three')]).toEqual(['b/two']);
    expect([...neighbourIds(published, 'nowhere')]).toEqual([]);
  });
});
