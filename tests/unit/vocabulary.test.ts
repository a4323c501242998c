import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { byCountThenName } from '../../src/lib/tags';
import { normalizeTagId, readVocabularyIds } from '../../src/corpus/vocabulary';
import { removeDir, writeNotes } from '../support/content';

describe('normalizeTagId', () => {
  it('trims and lower-cases', () => {
    expect(normalizeTagId(' Kafka ')).toBe('kafka');
    expect(normalizeTagId('GFM')).toBe('gfm');
    expect(normalizeTagId('进程')).toBe('进程');
  });
});

describe('readVocabularyIds', () => {
  const dir = writeNotes({
    'tags.yaml': '- id: Kafka\n  name: Kafka\n- id: " jvm "\n  name: JVM\n- id: 进程\n  name: 进程\n',
    'broken.yaml': '- id: [unclosed\n',
    'map.yaml': 'kafka:\n  name: Kafka\n',
  });
  afterAll(() => removeDir(dir));
  afterEach(() => vi.unstubAllEnvs());

  it('reads the normalized ids of the file in CONTENT_DIR', () => {
    vi.stubEnv('CONTENT_DIR', dir);
    expect([...readVocabularyIds('tags.yaml')].sort()).toEqual(['jvm', 'kafka', '进程']);
  });

  it('names the file when the YAML cannot be read', () => {
    vi.stubEnv('CONTENT_DIR', dir);
    expect(() => readVocabularyIds('broken.yaml')).toThrow(/broken\.yaml: cannot read vocabulary/);
    expect(() => readVocabularyIds('missing.yaml')).toThrow(/missing\.yaml: cannot read vocabulary/);
  });

  it('names the file when it is not a list', () => {
    vi.stubEnv('CONTENT_DIR', dir);
    expect(() => readVocabularyIds('map.yaml')).toThrow(/map\.yaml: expected a list of entries with an id/);
  });

  it('reads the fixture vocabulary', () => {
    vi.stubEnv('CONTENT_DIR', path.resolve('tests/fixtures/content'));
    expect(fs.existsSync(path.resolve('tests/fixtures/content/tags.yaml'))).toBe(true);
    expect([...readVocabularyIds('tags.yaml')].sort()).toEqual(['fixture', 'gfm', 'links']);
  });
});

describe('byCountThenName', () => {
  it('most used first, then by name in Chinese collation', () => {
    const tags = [
      { name: '测试', notes: [1] },
      { name: '部署', notes: [1] },
      { name: '安装', notes: [1] },
      { name: '热门', notes: [1, 2, 3] },
    ];
    expect([...tags].sort(byCountThenName).map((t) => t.name)).toEqual(['热门', '安装', '部署', '测试']);
  });
});
