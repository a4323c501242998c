import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { notePath, readNotes } from './site-map';

const note = readNotes().find((n) => n.id === 'kafka/replication') ?? readNotes().find((n) => !n.hub && !n.draft)!;
const pages = { home: './', topic: `${note.topic}/`, note: notePath(note.id), tags: 'tags/' };

for (const theme of ['light', 'dark'] as const) {
  for (const [name, path] of Object.entries(pages)) {
    test(`axe: ${name} page in the ${theme} theme has no WCAG 2.2 AA violations`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(path);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}
