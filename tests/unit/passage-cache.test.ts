import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { notePassages, openPassageCache } from '../../src/integrations/search/extract';

describe('search passages are kept between builds', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-kb-passages-'));
  const file = path.join(dir, 'search-passages.json');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const html = '<h2 id="分区">分区</h2><p>每个分区是一个有序日志。</p>';

  it('a rebuild takes unchanged notes from the file and reads changed ones afresh', () => {
    const first = openPassageCache(file);
    expect(first.passages('标题', '说明', html)).toEqual(notePassages('标题', '说明', html));
    first.save();
    // Mark what the file holds, so that taking it (rather than re-reading the HTML) shows.
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string; values: Record<string, { anchor: string; text: string }[]> };
    for (const passages of Object.values(saved.values)) passages.push({ anchor: 'from-cache', text: '' });
    fs.writeFileSync(file, JSON.stringify(saved));

    const second = openPassageCache(file);
    expect(second.passages('标题', '说明', html).at(-1)?.anchor).toBe('from-cache');
    const edited = html.replace('有序日志', '只追加的日志');
    expect(second.passages('标题', '说明', edited)).toEqual(notePassages('标题', '说明', edited));
    expect(second.passages('新标题', '说明', html)[0]?.text).toContain('新标题');
  });

  it('without a file (astro dev) nothing is written', () => {
    const cache = openPassageCache('');
    cache.passages('标题', '说明', html);
    cache.save();
    expect(fs.readdirSync(dir)).toEqual(['search-passages.json']);
  });
});
