import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, resolveChromium } from './support/browser.mjs';
import { findNginx, nginxCommand, nginxSites } from './support/nginx.mjs';
import { outDir, testSites } from './support/test-sites.mjs';

const executablePath = resolveChromium();
const site = (name: keyof typeof testSites) => `http://127.0.0.1:${testSites[name].port}${testSites[name].base}`;
const built = (name: keyof typeof testSites) => fs.existsSync(path.join(import.meta.dirname, '..', outDir(name)));
// The same builds served by real nginx through deploy/nginx*.conf (`npm run test:e2e` installs nginx).
const nginx = findNginx();
if (!nginx) console.warn('nginx not found: the nginx projects are skipped (npm exec -- node tests/support/nginx.mjs installs it)');
const nginxSite = (name: keyof typeof nginxSites) => `http://127.0.0.1:${nginxSites[name].port}${testSites[nginxSites[name].site].base}`;
const nginxProjects = !nginx ? [] : [
  { name: 'nginx', use: { baseURL: nginxSite('root'), siteURL: site('root') }, testMatch: /(navigation|search[\w-]*|csp|nginx)\.spec/ },
  { name: 'nginx-kb', use: { baseURL: nginxSite('kb'), siteURL: site('kb') }, testMatch: /(navigation|search[\w-]*|csp|nginx)\.spec/ },
];

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
    { name: 'root', use: { baseURL: site('root') }, testIgnore: /(fixture|nginx)\.spec/ },
    // The navigation suite again, on a build served under a sub-path.
    { name: 'kb', use: { baseURL: site('kb') }, testMatch: /(navigation|links|graph|search[\w-]*)\.spec/ },
    { name: 'fixture', use: { baseURL: site('fixture') }, testMatch: /fixture\.spec/ },
    ...nginxProjects,
  ],
  // Each built site is served as a static host serves it (404.html for unknown paths).
  // Only sites that were built get a server, so one project can run alone after building its site.
  webServer: Object.entries(testSites)
    .filter(([name]) => fs.existsSync(path.join(import.meta.dirname, '..', outDir(name))))
    .map(([name, s]) => ({
    command: `node tests/support/serve-static.mjs ${outDir(name)} ${s.base} ${s.port}`,
    url: `http://127.0.0.1:${s.port}${s.base}`,
    cwd: '..',
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
    stdout: 'ignore' as const,
  })).concat(
    (Object.keys(nginxSites) as (keyof typeof nginxSites)[])
      .filter((name) => nginx && built(nginxSites[name].site))
      .map((name) => ({
        command: nginxCommand(name),
        url: nginxSite(name),
        cwd: '..',
        reuseExistingServer: !process.env['CI'],
        timeout: 60_000,
        stdout: 'ignore' as const,
      })),
  ),
});
