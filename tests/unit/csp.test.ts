import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { astroCsp, headerPolicy, themeInitHash } from '../../src/lib/csp';
import { themeInitScript } from '../../src/lib/theme-init';

const read = (file: string) => fs.readFileSync(file, 'utf8');

describe('Content-Security-Policy', () => {
  it('allows the theme switch by the hash of its exact bytes', () => {
    expect(themeInitHash).toBe(`sha256-${createHash('sha256').update(themeInitScript).digest('base64')}`);
    expect(astroCsp.scriptDirective?.hashes).toEqual([themeInitHash]);
    expect(read('src/components/ThemeInit.astro')).toContain('set:html={themeInitScript}');
  });

  it('is strict: scripts from self only, nothing inline, no WebAssembly', () => {
    expect(headerPolicy).toContain(`script-src 'self' '${themeInitHash}'`);
    expect(headerPolicy).not.toContain('wasm-unsafe-eval');
    expect(headerPolicy).toContain("style-src 'self';");
    expect(headerPolicy).not.toMatch(/unsafe-inline|'unsafe-eval'|\*/);
    // frame-ancestors only works as a header; in a <meta> browsers complain.
    expect(astroCsp.directives?.join(';')).not.toContain('frame-ancestors');
    expect(headerPolicy).toContain("frame-ancestors 'none'");
  });

  it('public/_headers sends exactly this policy for every path', () => {
    const headers = read('public/_headers');
    const block = /^\/\*\n((?:[ \t]+.*\n?)+)/m.exec(headers)?.[1] ?? '';
    expect(block).toContain(`Content-Security-Policy: ${headerPolicy}\n`);
    expect(block).toContain('X-Content-Type-Options: nosniff');
    expect(block).toContain('Referrer-Policy: strict-origin-when-cross-origin');
    expect(block).toMatch(/Permissions-Policy: .*camera=\(\).*geolocation=\(\).*microphone=\(\)/);
    expect(block, 'Cache-Control on /* would be added to every other rule').not.toContain('Cache-Control');
    expect(headers).toMatch(/^\/_astro\/\*\n\s+Cache-Control: public, max-age=31536000, immutable$/m);
  });

  it('both nginx configs send exactly this policy', () => {
    for (const file of ['deploy/nginx.conf', 'deploy/nginx-subpath.conf']) {
      expect(read(file), file).toContain(`add_header Content-Security-Policy "${headerPolicy}" always;`);
    }
  });
});
