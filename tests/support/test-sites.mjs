// The sites the end-to-end tests run against: the real notes at the root and under /kb/,
// and the fixture notes (GFM, drafts). Shared by the builder and the Playwright config.
export const testSites = {
  root: { base: '/', port: 4400, contentDir: 'content' },
  kb: { base: '/kb/', port: 4401, contentDir: 'content' },
  fixture: { base: '/', port: 4402, contentDir: 'tests/fixtures/content' },
};

export const SITE = 'http://127.0.0.1';

export function outDir(name) {
  return `tests/.sites/${name}`;
}
