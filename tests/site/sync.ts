import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * `astro:content` reads the content store: `astro sync` writes it into the cache folder, while
 * Vitest runs Astro's Vite config as the dev server does, which reads `.astro/`. Write it for the
 * fixture notes and put it where the dev server looks.
 */
export default function setup(): void {
  execFileSync('npm', ['exec', '--', 'astro', 'sync'], { stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  const cacheDir = `node_modules/.astro/${process.env['OUT_DIR']!.replace(/[^\w-]+/g, '_')}`;
  fs.mkdirSync('.astro', { recursive: true });
  fs.copyFileSync(`${cacheDir}/data-store.json`, '.astro/data-store.json');
}
