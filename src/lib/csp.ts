import { createHash } from 'node:crypto';
import type { AstroUserConfig } from 'astro';
import { themeInitScript } from './theme-init';

/**
 * The site's one Content-Security-Policy. Astro writes it into every page's
 * `<meta http-equiv="content-security-policy">` (astro.config.mjs), adding hashes of the bundles
 * it emits; public/_headers and deploy/nginx*.conf send `headerPolicy` as a header, and a unit
 * test keeps those copies equal to this file.
 *
 * The header can be a fixed string because the build inlines nothing (astro.config.mjs:
 * `inlineStylesheets: 'never'`, `assetsInlineLimit: 0`): every script and stylesheet is a file
 * under 'self', and the one inline script, the theme switch that must run before first paint,
 * has a fixed hash. Browsers enforce both policies; together they allow the same things.
 */

type AstroCsp = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;
type CspDirective = NonNullable<AstroCsp['directives']>[number];

/** A CSP hash source for an inline script or style, without the quotes. */
export function cspHash(source: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}`;
}

export const themeInitHash = cspHash(themeInitScript);

/** Scripts: our own files only; plus, by hash, the theme switch. */
export const scriptSources = ["'self'"];
export const styleSources = ["'self'"];

/** Everything else is ours, or nothing at all. */
export const otherDirectives: CspDirective[] = ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"];

/** Browsers ignore these in a `<meta>` (and say so in the console), so only the header has them. */
export const headerOnlyDirectives: CspDirective[] = ["frame-ancestors 'none'"];

/** The policy as a response header. */
export const headerPolicy = [
  otherDirectives[0],
  `script-src ${[...scriptSources, `'${themeInitHash}'`].join(' ')}`,
  `style-src ${styleSources.join(' ')}`,
  ...otherDirectives.slice(1),
  ...headerOnlyDirectives,
].join('; ');

/** `security.csp` for astro.config.mjs: Astro adds `script-src` and `style-src` with its own hashes. */
export const astroCsp: AstroCsp = {
  directives: otherDirectives,
  scriptDirective: { resources: scriptSources, hashes: [themeInitHash] },
  styleDirective: { resources: styleSources },
};
