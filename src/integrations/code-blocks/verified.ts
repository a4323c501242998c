/**
 * The "verified" badge's one shared key: `npm run verify:snippets` writes a map of snippetHash →
 * tool for every block that passed, and the site's code frame looks each block up by the same hash.
 * If the two computed it differently, badges would silently vanish, so both use this module.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** The report file: sha256 → the tool that proved the block (`{ "tool": "nginx 1.22.1" }`). */
export type VerifiedSnippets = Record<string, { tool: string }>;

/** Where `npm run verify:snippets` records the blocks it proved for the site's own notes. */
export const VERIFIED_FILE = new URL('../../generated/verified-snippets.json', import.meta.url);

/** The key of a block: sha256 of the language as written, a newline, and the code as the highlighter sees it. */
export function snippetHash(lang: string, code: string): string {
  return createHash('sha256').update(`${lang}\n${code}`).digest('hex');
}

/** Reads the report once and returns the lookup the code frame uses; no file, no badges. */
export function verifiedBy(file: string | URL = VERIFIED_FILE): (lang: string, code: string) => string | undefined {
  const verified: VerifiedSnippets = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as VerifiedSnippets) : {};
  return (lang, code) => verified[snippetHash(lang, code)]?.tool;
}
