/**
 * The only search code every page loads: the header button and the `/`, Ctrl+K and ⌘+K
 * shortcuts open the dialog (its code and the index load then), and a note opened from a result
 * highlights the searched words. Without JS the button is a link to the search page.
 */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export function initSearchOpener(): void {
  const opener = document.querySelector<HTMLAnchorElement>('[data-search-open]');
  if (!opener) return;
  const base = opener.dataset['base'] ?? '/';
  const open = async () => {
    const { openSearchDialog } = await import('./ui');
    await openSearchDialog(base, opener);
  };
  opener.addEventListener('click', (event) => {
    event.preventDefault();
    void open();
  });
  document.addEventListener('keydown', (event) => {
    const shortcut = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey);
    if (shortcut || (event.key === '/' && !isTyping(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey)) {
      event.preventDefault();
      void open();
    }
  });

  const highlight = new URLSearchParams(location.search).getAll('highlight');
  if (highlight.length > 0) void import('./ui').then(({ highlightSearchTerms }) => highlightSearchTerms(highlight));
}
