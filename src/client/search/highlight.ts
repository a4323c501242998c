import { queryTerms, termPattern } from './rank';

/**
 * On a note opened from a search result (`?highlight=分区`), marks every occurrence of the
 * searched terms in the note body and scrolls to the first one after the linked section.
 */
export function highlightSearchTerms(query: string): void {
  const terms = queryTerms(query).filter((term) => term.length > 0);
  const body = document.querySelector('.prose');
  if (!body || terms.length === 0) return;
  const pattern = termPattern(terms);

  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const textNodes: Text[] = [];
  while (walker.nextNode()) textNodes.push(walker.currentNode as Text);
  const marks: HTMLElement[] = [];
  for (const node of textNodes) {
    const text = node.data;
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue;
    pattern.lastIndex = 0;
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      fragment.append(text.slice(last, match.index));
      const mark = Object.assign(document.createElement('mark'), { className: 'search-hit', textContent: match[0] });
      marks.push(mark);
      fragment.append(mark);
      last = match.index + match[0].length;
    }
    fragment.append(text.slice(last));
    node.replaceWith(fragment);
  }

  const section = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  const first = section
    ? marks.find((mark) => section.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING) ?? marks[0]
    : marks[0];
  first?.scrollIntoView({ block: 'center' });
}
