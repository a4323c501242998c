/**
 * `npm run dev` on a copy of the fixture: a note broken while the server runs shows its error in
 * the browser (Vite's error overlay, naming file:line), and the page recovers once it is fixed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, resolveChromium } from '../support/browser.mjs';
import { copyFixture, repoRoot } from '../support/content';
import { shellEnv } from '../support/env';

const made: string[] = [];
const site = copyFixture(made, 'notes-kb-dev-');
const note = path.join(site.dir, 'notes', 'beta', 'links.md');
let server: ChildProcess;
let port: number;
let browser: Browser;

/** A port nothing listens on now: a fixed one could be held by a server left over from another run. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(free));
    });
  });
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`astro dev did not start; its log ends:\n${fs.readFileSync(path.join(site.root, 'dev.log'), 'utf8').slice(-2000)}`);
}

beforeAll(async () => {
  port = await freePort();
  const log = fs.openSync(path.join(site.root, 'dev.log'), 'w');
  server = spawn('npm', ['run', 'dev', '--', '--port', String(port), '--host', '127.0.0.1', '--strictPort'], {
    cwd: repoRoot,
    env: shellEnv({ CONTENT_DIR: site.dir, OUT_DIR: site.out }),
    // The server's output goes to a file: with no stdout at all `astro dev` quits at start.
    stdio: ['ignore', log, log],
    detached: true,
  });
  await waitForServer();
  const executablePath = resolveChromium();
  browser = await chromium.launch({ args: chromiumArgs, ...(executablePath ? { executablePath } : {}) });
}, 150_000);

afterAll(async () => {
  await browser?.close();
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  for (const root of made) fs.rmSync(root, { recursive: true, force: true });
});

describe('npm run dev with a note that breaks and is fixed', () => {
  it('shows the problem in the open page, then recovers', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/beta/links/`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('链接示例');

    const good = fs.readFileSync(note, 'utf8');
    fs.writeFileSync(note, good.replace('date: 2026-02-10', 'date: 2026-13-45'));
    const overlay = page.locator('vite-error-overlay');
    await expect.poll(() => overlay.count(), { timeout: 20_000 }).toBe(1);
    // The dev server may reload the page once more while the overlay is up: read it when it stands.
    const overlayText = () => overlay.evaluate((element) => element.shadowRoot?.textContent ?? '').catch(() => '');
    await expect.poll(overlayText, { timeout: 20_000 }).toContain('beta/links.md:5 → date: 2026-13-45 (no such day in the calendar');

    fs.writeFileSync(note, good);
    await expect.poll(() => page.locator('vite-error-overlay').count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('链接示例');
  }, 90_000);
});
