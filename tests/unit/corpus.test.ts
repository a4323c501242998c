import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CorpusLink } from '../../src/corpus/model';
import { readCorpus } from '../../src/corpus/read';
import { removeDir, writeNotes } from '../support/content';

const HEADINGS = `---
title: 副本机制
tags: [kafka]
date: 2026-01-01
---

# 副本机制

## ISR 与高水位

## 概述

## 概述

### 概述

## C++ 与 Go：对比

## Kafka: 副本（Replica）

## 使用 \`acks=all\` 的 **强一致** 写入

## 参考 [文档](https://kafka.apache.org/)

正文引用脚注[^restart]和[^Note]。

[^restart]: 重启策略。
[^Note]: 大写的脚注名。
`;

const CONTEXT = `---
title: 上下文
---

第一句没有链接。第二句链接到 [副本](../kafka/replication.md)，很重要！第三句。

前半句；后半句有 [[gc]]。问句里有 [[kafka/replication#概述|概述]]？结尾。

- 列表项里的 [堆](./heap.md#堆) 链接
- 另一项

| 工具 | 说明 |
| --- | --- |
| jcmd | 见 [诊断](./diag.md)。不含链接的后一句。 |

跨行的段落第一行
第二行有 [链接](./wrap.md)。

> 引用里：先说一句。再 [引用链接](./quote.md)。

![示意图](./img/isr.png)

外部链接 [Kafka](https://kafka.apache.org/)、[邮件](mailto:a@example.com)、[CDN](//cdn.example.com/x.js) 和裸链接 https://example.com/ 都不收集。

编码过的 [堆](./%E5%A0%86.md#%E6%A6%82%E8%BF%B0) 会被解码。
`;

const REPEATED = `---
title: 重复
---

ISR 是副本集合的一部分。关于 ISR 的细节见 [ISR](./isr.md)。
`;

describe('readCorpus', () => {
  const dir = writeNotes({
    'kafka/replication.md': HEADINGS,
    'jvm/context.md': CONTEXT,
    'jvm/repeated.md': REPEATED,
    'jvm/untitled.md': '没有 front matter 的笔记，见 [[gc]]。\n',
    'jvm/bad-yaml.md': '---\ntitle: [未闭合\n---\n\n[坏](./x.md)\n',
    'drafts/wip.md': '---\ntitle: 草稿\ndraft: true\n---\n',
    'drafts/not-really.md': '---\ntitle: 不是草稿\ndraft: "true"\n---\n',
    'jvm/readme.txt': 'not a note',
  });
  afterAll(() => removeDir(dir));
  const corpus = readCorpus(dir);
  const links = (id: string): CorpusLink[] => corpus.notes.get(id)?.links ?? [];

  it('reads every .md file under the folder, recursively, with id = path without .md', () => {
    expect(corpus.notesDir).toBe(dir);
    expect([...corpus.notes.keys()].sort()).toEqual([
      'drafts/not-really',
      'drafts/wip',
      'jvm/bad-yaml',
      'jvm/context',
      'jvm/repeated',
      'jvm/untitled',
      'kafka/replication',
    ]);
    expect(corpus.notes.get('kafka/replication')?.file).toBe(path.join(dir, 'kafka', 'replication.md'));
  });

  it('takes title and draft from the front matter', () => {
    expect(corpus.notes.get('kafka/replication')?.title).toBe('副本机制');
    expect(corpus.notes.get('jvm/untitled')?.title).toBe('jvm/untitled');
    expect(corpus.notes.get('drafts/wip')?.draft).toBe(true);
    expect(corpus.notes.get('drafts/not-really')?.draft).toBe(false);
    expect(corpus.notes.get('kafka/replication')?.draft).toBe(false);
  });

  it('slugs headings like github-slugger, with -1/-2 for repeated headings, plus footnote ids', () => {
    expect([...(corpus.notes.get('kafka/replication')?.slugs ?? [])].sort()).toEqual(
      [
        '副本机制',
        'isr-与高水位',
        '概述',
        '概述-1',
        '概述-2',
        'c-与-go对比',
        'kafka-副本replica',
        '使用-acksall-的-强一致-写入',
        '参考-文档',
        'user-content-fn-restart',
        'user-content-fn-note',
      ].sort(),
    );
  });

  it('still reads links of a note whose front matter is not valid YAML, on the right line', () => {
    expect(corpus.notes.get('jvm/bad-yaml')?.title).toBe('jvm/bad-yaml');
    expect(links('jvm/bad-yaml')).toEqual([
      { kind: 'relative', target: './x.md', anchor: undefined, line: 5, context: '坏' },
    ]);
  });

  it('collects relative links, wikilinks and images in document order, and skips external URLs', () => {
    const summary = links('jvm/context').map((l) => `${l.kind} ${l.target} ${l.anchor ?? '-'}`);
    expect(summary).toEqual([
      'relative ../kafka/replication.md -',
      'wiki gc -',
      'wiki kafka/replication 概述',
      'relative ./heap.md 堆',
      'relative ./diag.md -',
      'relative ./wrap.md -',
      'relative ./quote.md -',
      'asset ./img/isr.png -',
      'relative ./堆.md 概述',
    ]);
  });

  it('gives the line of the file for Markdown links and images', () => {
    const lineOf = (target: string) => links('jvm/context').find((l) => l.target === target)?.line;
    expect(lineOf('../kafka/replication.md')).toBe(5);
    expect(lineOf('./heap.md')).toBe(9);
    expect(lineOf('./diag.md')).toBe(14);
    expect(lineOf('./wrap.md')).toBe(17);
    expect(lineOf('./img/isr.png')).toBe(21);
  });

  it('gives the line of the file for wikilinks too', () => {
    const wikis = links('jvm/context').filter((l) => l.kind === 'wiki');
    expect(wikis.map((l) => `${l.target}:${l.line}`)).toEqual(['gc:7', 'kafka/replication:7']);
    expect(links('jvm/untitled').map((l) => `${l.target}:${l.line}`)).toEqual(['gc:1']);
  });

  describe('link context: the sentence around the link', () => {
    const contextOf = (target: string) => links('jvm/context').find((l) => l.target === target)?.context;

    it('cuts Chinese sentences at 。！？ (a ； does not end the sentence)', () => {
      expect(contextOf('../kafka/replication.md')).toBe('第二句链接到 副本，很重要！');
      expect(contextOf('gc')).toBe('前半句；后半句有 gc。');
      expect(contextOf('kafka/replication')).toBe('问句里有 概述？');
    });

    it('uses the list item, table cell or quote around the link', () => {
      expect(contextOf('./heap.md')).toBe('列表项里的 堆 链接');
      expect(contextOf('./diag.md')).toBe('见 诊断。');
      expect(contextOf('./quote.md')).toBe('再 引用链接。');
    });

    it('joins a paragraph wrapped over lines with a space', () => {
      expect(contextOf('./wrap.md')).toBe('跨行的段落第一行 第二行有 链接。');
    });

    it('images have no context', () => {
      expect(contextOf('./img/isr.png')).toBe('');
    });

    it('is the sentence that holds the link even when the link text also appears in an earlier sentence', () => {
      expect(links('jvm/repeated')[0]?.context).toBe('关于 ISR 的细节见 ISR。');
    });
  });
});

describe('readCorpus on a folder that does not exist', () => {
  const dir = writeNotes({});
  afterAll(() => removeDir(dir));

  it('is an empty corpus', () => {
    const corpus = readCorpus(path.join(dir, 'missing'));
    expect(corpus.notes.size).toBe(0);
  });
});
