/** Pure URL building from a base path; used by pages (via urls.ts) and by the Markdown plugins. */

export function normalizeBase(base: string): string {
  const withLeading = base.startsWith('/') ? base : `/${base}`;
  return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}

/** `notePath('/kb/', 'kafka/replication')` → `/kb/kafka/replication/`; a hub (`kafka/index`) is its topic page. */
export function notePath(base: string, id: string): string {
  return `${normalizeBase(base)}${id.replace(/(^|\/)index$/, '')}/`.replace(/\/\/$/, '/');
}
