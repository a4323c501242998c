import { test as base, expect } from '@playwright/test';

/**
 * Every page of every test: no console error and no request to anything but the local server.
 * Requests elsewhere are aborted (the site must work on an intranet) and fail the test.
 */
export const test = base.extend<{ guard: void; siteURL: string | undefined }>({
  /** Where the site was built to live (`SITE` + `BASE`), when it is served elsewhere (nginx projects). */
  siteURL: [undefined, { option: true }],
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
      const external: string[] = [];
      const consoleErrors: string[] = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        external.push(url);
        return route.abort();
      });
      page.on('console', (message) => {
        // The 404 test asks for a missing page on purpose.
        if (message.type() === 'error' && !message.text().includes('404')) consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      await use();
      expect(external, 'requests that left the local server').toEqual([]);
      expect(consoleErrors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
