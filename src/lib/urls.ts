import { normalizeBase, notePath } from './paths';

/** Site paths for pages, always with the configured base (`BASE`) and a trailing slash. */
const base = normalizeBase(import.meta.env.BASE_URL ?? '/');

/** `withBase('tags/')` → `/kb/tags/` when BASE is `/kb/`. */
export function withBase(path = ''): string {
  return base + path.replace(/^\/+/, '');
}

export function noteUrl(id: string): string {
  return notePath(base, id);
}

export function topicUrl(topic: string): string {
  return withBase(`${topic}/`);
}

export function tagUrl(tag: string): string {
  return withBase(`tags/${encodeURIComponent(tag)}/`);
}
