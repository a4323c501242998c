import path from 'node:path';

/** The folder the whole build reads (`CONTENT_DIR`, default `content`), as an absolute path. */
export function contentDir(): string {
  return path.resolve(process.env['CONTENT_DIR'] ?? 'content');
}

/** A path inside the content folder, relative to the project, for error messages. */
export function displayPath(absolute: string): string {
  return path.relative(process.cwd(), absolute) || absolute;
}

/** `<content>/notes`: one folder per topic, one Markdown file per note. */
export function notesDir(): string {
  return path.join(contentDir(), 'notes');
}
