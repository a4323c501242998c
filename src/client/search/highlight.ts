import { elementForFragment } from '../util/fragment';
import { markPattern } from './excerpt';

/**
 * On a note opened from a search result (`?highlight=分区`, one parameter per phrase or word),
 * marks every occurrence in the note body and scrolls to the first one after the linked section.
 */
export function highlightSearchTerms(words: readonly string[]): void {
  const body = document.querySelector('.prose');
  const pattern = markPattern(words);
  if (!body || !pattern) return;

  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const textNodes: Text[] = [];
  while (walker.nextNode()) textNodes.push(walker.currentNode as Text);
  const marks: HTMLElement[] = [];
  for (const node of textNodes) {
    const text = node.data;
    const matches = [...text.matchAll(pattern)];
    if (matches.length === 0) continue;
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const match of matches) {
      fragment.append(text.slice(last, match.index));
      const mark = Object.assign(document.createElement('mark'), { className: 'search-hit', textContent: match[0] });
      marks.push(mark);
      fragment.append(mark);
      last = match.index + match[0].length;
    }
    fragment.append(text.slice(last));
    node.replaceWith(fragment);
  }

  const section = elementForFragment(location.hash);
  const first = section
    ? (marks.find((mark) => section.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING) ?? marks[0])
    : marks[0];
  first?.scrollIntoView({ block: 'center' });
}
