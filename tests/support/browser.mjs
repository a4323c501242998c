// Finds a Chromium for the tests, and installs Debian's when a fresh machine has none.
// Order: CHROMIUM_PATH, then /usr/bin/chromium, then Playwright's own browser (a laptop).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The executable to launch, or undefined to let Playwright use its own download. */
export function resolveChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  if (fs.existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  return undefined;
}

function playwrightHasOwnBrowser() {
  try {
    return fs.existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

export async function ensureChromium() {
  if (resolveChromium() || playwrightHasOwnBrowser()) return;
  console.log("No Chromium found; Debian's chromium package provides one.");
  // Loaded only here: the Playwright config and the audit import this file for the finder alone.
  const { ensureDebianPackages } = await import('../../cli/debian.ts');
  ensureDebianPackages(['chromium'], { log: (line) => console.log(line) });
  if (!resolveChromium()) {
    throw new Error('No Chromium found. Set CHROMIUM_PATH, install Debian\'s chromium, or run `npx playwright install chromium`.');
  }
}

/** Flags for a closed network: Chromium must not phone home from a test run. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await ensureChromium();
  console.log(`Chromium: ${resolveChromium() ?? chromium.executablePath()}`);
}
