/**
 * What searching costs, in a fresh browser context, from a note page: everything the first query
 * downloads (search code, style, index files) must stay within 120 KB as a gzip server sends it and
 * 12 requests, and each later query within 30 KB. A query in Simplified Chinese, which the notes
 * are written in, downloads no Traditional→Simplified data. `npm run search:cost` prints the same
 * figures (and milliseconds, which are not asserted here).
 */
import { openNotePage, searchCost, type QueryCost } from '../support/search-session';
import { expect, test } from './fixtures';
import { notePath } from './site-map';

const FIRST_BYTES = 120 * 1024;
const FIRST_REQUESTS = 12;
const LATER_BYTES = 30 * 1024;

const describe = (cost: QueryCost) =>
  `${cost.query}: ${cost.requests} requests, ${(cost.compressed / 1024).toFixed(1)} KB\n${cost.downloads.map((d) => `  ${(d.compressed / 1024).toFixed(1)} KB ${d.path}`).join('\n')}`;

for (const [first, ...later] of [
  ['分区', 'proxy_pass', '守护进程'],
  ['proxy_pass', '分区', 'consumer group'],
]) {
  test(`first query "${first}" from a note page fits ${FIRST_BYTES / 1024} KB and ${FIRST_REQUESTS} requests; later queries ${LATER_BYTES / 1024} KB each`, async ({ page }) => {
    await openNotePage(page, notePath('kafka/replication'));
    const cost = await searchCost(page, first!);
    console.log(describe(cost));
    expect(cost.titles.length, 'the query found something').toBeGreaterThan(0);
    expect(cost.compressed, describe(cost)).toBeLessThanOrEqual(FIRST_BYTES);
    expect(cost.requests, describe(cost)).toBeLessThanOrEqual(FIRST_REQUESTS);
    for (const query of later) {
      const next = await searchCost(page, query);
      console.log(describe(next));
      expect(next.titles.length, `"${query}" found something`).toBeGreaterThan(0);
      expect(next.compressed, describe(next)).toBeLessThanOrEqual(LATER_BYTES);
    }
  });
}

const traditionalData = (cost: QueryCost) => cost.downloads.filter((d) => /fold\.json$|opencc|core\.[\w-]+\.js$/.test(d.path)).map((d) => d.path);

test('a Simplified query downloads no Traditional data; a Traditional one does, and finds the Simplified notes', async ({ page }) => {
  await openNotePage(page, notePath('kafka/replication'));
  for (const query of ['守护进程', '分区', '内存溢出']) {
    const cost = await searchCost(page, query);
    expect(cost.titles.length).toBeGreaterThan(0);
    expect(traditionalData(cost), describe(cost)).toEqual([]);
  }
  const traditional = await searchCost(page, '記憶體溢出');
  expect(traditionalData(traditional).some((path) => path.endsWith('fold.json')), describe(traditional)).toBe(true);
  expect(traditional.titles[0]).toContain('JVM 内存溢出对照');
});
