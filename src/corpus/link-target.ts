import type { Link } from 'mdast';
import type { CorpusLink } from './model';
import { wikilinkOf } from './wikilinks';

/** A URL that leaves the site (`https:`, `mailto:`, `//host`): not ours to resolve. */
export function isExternalUrl(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
}

/**
 * What a link node points at, as the resolver reads it: a wikilink's name, or a relative URL split
 * into file and `#anchor`. External links give undefined. One reading for the corpus and the rewriter.
 */
export function linkTarget(node: Link): Pick<CorpusLink, 'kind' | 'target' | 'anchor'> | undefined {
  const wiki = wikilinkOf(node);
  if (wiki) return { kind: 'wiki', target: wiki.target, anchor: wiki.anchor };
  if (isExternalUrl(node.url)) return undefined;
  const hashAt = node.url.indexOf('#');
  const target = decodeURIComponent(hashAt === -1 ? node.url : node.url.slice(0, hashAt));
  const anchor = hashAt === -1 ? undefined : decodeURIComponent(node.url.slice(hashAt + 1));
  return { kind: 'relative', target, anchor };
}
