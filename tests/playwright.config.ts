import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, resolveChromium } from '../scripts/browser.mjs';
import { outDir, testSites } from '../scripts/test-sites.mjs';

const executablePath = resolveChromium();
const site = (name: keyof typeof testSites) => `http://127.0.0.1:${testSites[name].port}${testSites[name].base}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { args: chromiumArgs, ...(executablePath ? { executablePath } : {}) },
    serviceWorkers: 'block',
  },
  projects: [
    { name: 'root', use: { baseURL: site('root') }, testIgnore: /fixture\.spec/ },
    // The navigation suite again, on a build served under a sub-path.
    { name: 'kb', use: { baseURL: site('kb') }, testMatch: /(navigation|links)\.spec/ },
    { name: 'fixture', use: { baseURL: site('fixture') }, testMatch: /fixture\.spec/ },
  ],
  // Each built site is served as a static host serves it (404.html for unknown paths).
  // Only sites that were built get a server, so one project can run alone after building its site.
  webServer: Object.entries(testSites)
    .filter(([name]) => fs.existsSync(path.join(import.meta.dirname, '..', outDir(name))))
    .map(([name, s]) => ({
    command: `node scripts/serve-static.mjs ${outDir(name)} ${s.base} ${s.port}`,
    url: `http://127.0.0.1:${s.port}${s.base}`,
    cwd: '..',
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
    stdout: 'ignore' as const,
  })),
});
