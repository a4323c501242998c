/**
 * Every page of the built root site is valid HTML by html-validate's recommended rules
 * (tests/htmlvalidate.json). Reads the files from tests/.sites/root: no browser is needed, so this
 * uses Playwright's plain `test`, not the guarded one.
 *
 * Rule changes from html-validate:recommended, and why (JSON has no comments):
 * - `valid-id` relaxed: HTML5 allows any id without whitespace; heading ids are GitHub-style slugs,
 *   which may start with a digit (`## 4.0 的新组协议` → `#40-的新组协议`) and are what links point to.
 * - `aria-label-misuse` allowAnyNamable: ARIA 1.2 lets a list be named by its author (`<ul aria-label="标签">`,
 *   the graph legend); the rule only warns that it is "not recommended", and screen readers do announce it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { outDir } from '../support/test-sites.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const siteDir = path.join(repoRoot, outDir('root'));
const config = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests/htmlvalidate.json'), 'utf8')) as ConfigData;

function htmlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

test('every page of the built site is valid HTML (html-validate:recommended)', async () => {
  test.skip(!fs.existsSync(siteDir), `${outDir('root')} is not built: npm exec -- node tests/support/build-test-sites.mjs root`);
  const validator = new HtmlValidate(config);
  const files = htmlFiles(siteDir);
  expect(files.length, 'HTML files in the built site').toBeGreaterThan(10);
  const problems: string[] = [];
  for (const file of files) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages) {
        if (m.severity < 2) continue;
        problems.push(`${path.relative(repoRoot, file)}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
      }
    }
  }
  console.log(`html-validate: ${files.length} files, ${problems.length} errors`);
  expect(problems, 'html-validate errors (file:line:column: rule: message)').toEqual([]);
});
