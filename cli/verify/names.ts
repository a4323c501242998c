import path from 'node:path';

/**
 * File names that come from a note (`title=`, `unit=`, a unit named in a comment) become files in
 * the check's temp folder. A name is reduced to its last path segment (`/etc/systemd/system/a.service`
 * → `a.service`); a path that climbs with `..`, or a name with characters no file name here needs,
 * is refused with a sentence for the report.
 */

/** Letters, digits and `_ @ . : + -`, and `\` for systemd's escapes (`dev-disk-by\x2duuid.mount`). */
const PLAIN = /^[\p{L}\p{N}_@.:+\\-]+$/u;

export type SafeName = { name: string } | { error: string };

export function safeFileName(value: string, attribute: string): SafeName {
  const segments = value.split('/');
  if (segments.includes('..')) {
    return { error: `${attribute}="${value}" is a path that climbs out of its folder (".."): give a plain file name` };
  }
  const name = path.posix.basename(value);
  if (!PLAIN.test(name) || name === '.' || name.startsWith('-')) {
    return { error: `${attribute}="${value}" is not a usable file name (allowed: letters, digits, _ @ . : + - \\)` };
  }
  return { name };
}

/** The path a note names, as seen from `/` with every `..` resolved: `/dev/../etc/x` → `/etc/x`. */
export function resolvedAbsolute(value: string): string {
  return path.posix.normalize(`/${value}`);
}
