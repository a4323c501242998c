import { zhCN as t } from '../../lib/i18n';
import type { SearchResult } from './query';
import { termPattern } from './rank';

/**
 * Pagefind excerpts are HTML: escaped page text with <mark> around matches. We rebuild them from
 * text nodes and <mark> only, in an inert template, so nothing in a page or a query can run.
 * For a page that holds the whole query, the whole terms are marked instead of Pagefind's
 * pieces (分区, not 分 in 内分).
 */
export function excerptFragment(html: string, wholeTerms: readonly string[] = []): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  const fragment = document.createDocumentFragment();
  const text = template.content.textContent ?? '';
  if (wholeTerms.length > 0) {
    const pattern = termPattern(wholeTerms);
    if (text.search(pattern) !== -1) {
      let last = 0;
      for (const match of text.matchAll(pattern)) {
        fragment.append(text.slice(last, match.index), Object.assign(document.createElement('mark'), { textContent: match[0] }));
        last = match.index + match[0].length;
      }
      fragment.append(text.slice(last));
      return fragment;
    }
  }
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) fragment.append(node.textContent ?? '');
    else if (node instanceof Element && node.tagName === 'MARK') {
      fragment.append(Object.assign(document.createElement('mark'), { textContent: node.textContent ?? '' }));
    } else fragment.append(node.textContent ?? '');
  }
  return fragment;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Title, topic and tags, and the excerpt: the body of a result in the dialog and on the page. */
export function resultParts(result: SearchResult, titleTag: 'span' | 'a'): HTMLElement[] {
  const title = element(titleTag, 'search-result__title', result.title);
  if (title instanceof HTMLAnchorElement) title.href = result.url;
  const meta = element('span', 'search-result__meta');
  if (result.topic) meta.append(element('span', 'search-result__topic', result.topic));
  for (const tag of result.tags) meta.append(element('span', 'search-result__tag', `#${tag}`));
  const excerpt = element('span', 'search-result__excerpt');
  excerpt.append(excerptFragment(result.excerpt, result.match === 'partial' ? [] : result.terms));
  return [title, meta, excerpt];
}

export function statusText(query: string, results: SearchResult[]): string {
  if (results.length === 0) return query ? t.searchNoResults(query) : '';
  const whole = results.filter((r) => r.match !== 'partial').length;
  if (whole === 0) return t.searchOnlyPartial(query, results.length);
  return t.searchCount(results.length);
}
