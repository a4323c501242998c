import { afterAll, describe, expect, it } from 'vitest';
import { readSynonyms } from '../../src/integrations/search/synonyms';
import { removeDir, writeNotes } from '../support/content';

const dirs: string[] = [];
const withFile = (text: string) => {
  const dir = writeNotes({ 'synonyms.yaml': text });
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach(removeDir));

describe('readSynonyms', () => {
  it('reads groups, normalised as queries are', () => {
    expect(readSynonyms(withFile('# comment\n- [挂了, 崩溃, 退出]\n- [Zero  Copy, 零拷贝, SENDFILE]\n'))).toEqual([
      ['挂了', '崩溃', '退出'],
      ['zero copy', '零拷贝', 'sendfile'],
    ]);
  });

  it('is optional', () => {
    const dir = writeNotes({});
    dirs.push(dir);
    expect(readSynonyms(dir)).toEqual([]);
  });

  it('names the file, the line and the group of a group with one word', () => {
    expect(() => readSynonyms(withFile('- [挂了, 崩溃]\n- [孤单]\n'))).toThrow(/synonyms\.yaml:2 \(group 2: 孤单\) → a group needs at least two words/);
  });

  it('names the line of a word that is not text or is empty', () => {
    expect(() => readSynonyms(withFile('- [挂了, 崩溃]\n- - OOM\n  - {a: 1}\n'))).toThrow(/synonyms\.yaml:3 \(group 2.*\) → every word must be text/);
    expect(() => readSynonyms(withFile('- [挂了, "  "]\n'))).toThrow(/synonyms\.yaml:1 \(group 1.*\) → a word must not be empty/);
  });

  it('rejects a file that is not a list of groups', () => {
    expect(() => readSynonyms(withFile('crash: [挂了, 崩溃]\n'))).toThrow(/synonyms\.yaml:1 → the file must be a list of groups/);
    expect(() => readSynonyms(withFile('- 挂了\n'))).toThrow(/synonyms\.yaml:1 \(group 1\) → each group is a list of words/);
  });

  it('rejects a word in two groups, naming both lines, and a word listed twice', () => {
    expect(() => readSynonyms(withFile('- [挂了, 崩溃]\n- [退出, 崩溃]\n'))).toThrow(/synonyms\.yaml:2 → "崩溃" is already in 挂了\/崩溃 \(.*synonyms\.yaml:1\)/);
    expect(() => readSynonyms(withFile('- [OOM, oom]\n'))).toThrow(/synonyms\.yaml:1 → "oom" is listed twice in OOM\/oom/);
  });

  it('reports a YAML syntax error with its line', () => {
    expect(() => readSynonyms(withFile('- [挂了, 崩溃]\n- [退出\n'))).toThrow(/synonyms\.yaml:\d+ → /);
  });
});
