// Builds every test site, one after another (Astro's content cache is shared between builds).
import { execFileSync } from 'node:child_process';
import { outDir, testSites } from './test-sites.mjs';

const only = process.argv.slice(2);
for (const [name, site] of Object.entries(testSites)) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n▶ building test site "${name}" (BASE=${site.base}, CONTENT_DIR=${site.contentDir})`);
  execFileSync('npm', ['run', 'build', '--silent'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      BASE: site.base,
      SITE: `http://127.0.0.1:${site.port}`,
      CONTENT_DIR: site.contentDir,
      OUT_DIR: outDir(name),
    },
  });
}
