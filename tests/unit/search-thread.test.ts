import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIndexJob, type IndexJob } from '../../src/integrations/search/index-job';
import { indexThread, openIndexThread } from '../../src/integrations/search/index-thread';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-kb-index-thread-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const htmlFile = path.join(dir, 'two.html');
fs.writeFileSync(htmlFile, '<h2 id="配置">配置</h2><p>Restart=always 与内存。</p>');

const job = (file: string): IndexJob => ({
  pages: [
    { path: 'a/one/', title: '分区存储', description: '说明。', topic: '专题', tags: ['标签'], html: '<p>分区与副本。</p>' },
    { path: 'a/two/', title: '进程守护', description: '说明。', topic: '专题', tags: [], htmlFile: file, note: 'notes/a/two.md' },
  ],
  synonyms: [['挂了', '崩溃']],
  passageCache: '',
});

describe('the search index in a worker thread (a build)', () => {
  it('makes exactly the files the routes make in-process (astro dev), once however often it is asked', async () => {
    const opened = openIndexThread();
    try {
      expect(indexThread()).toBe(opened.thread);
      const files = await opened.thread.start(job(htmlFile));
      expect(files).toEqual(runIndexJob(job(htmlFile)));
      expect([...files.keys()]).toContain('search-index.json');
      expect(await opened.thread.start(job(htmlFile))).toBe(files);
      expect((await opened.result())!.seconds).toBeGreaterThan(0);
    } finally {
      opened.close();
    }
    expect(indexThread()).toBeUndefined();
  });

  it('fails with the worker’s error, naming the note whose HTML is missing', async () => {
    const opened = openIndexThread();
    try {
      await expect(opened.thread.start(job(path.join(dir, 'gone.html')))).rejects.toThrow(/search index: The rendered HTML of note notes\/a\/two\.md is missing/);
    } finally {
      opened.close();
    }
  });
});
