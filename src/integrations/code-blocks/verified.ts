import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** Where `npm run verify:snippets` records the blocks it proved, read by the build for the badges. */
export const VERIFIED_FILE = new URL('../../generated/verified-snippets.json', import.meta.url);

/** The one identity of a snippet, for the verifier that records it and the build that badges it. */
export function snippetHash(lang: string, code: string): string {
  return createHash('sha256').update(`${lang}\n${code}`).digest('hex');
}

/** `(lang, code) → tool` for verified blocks; no file, no badges. */
export function verifiedBy(file: URL = VERIFIED_FILE): (lang: string, code: string) => string | undefined {
  const verified: Record<string, { tool: string }> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  return (lang, code) => verified[snippetHash(lang, code)]?.tool;
}
