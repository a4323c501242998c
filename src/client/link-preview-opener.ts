/**
 * Link previews cost a page nothing until they are used: this waits for the first hover or focus
 * on a link that has a preview, then loads the card's code and styles (link-preview.ts) and hands
 * that link over. Touch-only devices never load them: a tap should just follow the link.
 */
/** Where a link's preview is: the file (previews/<file>.json) and the note's id in it. */
export type PreviewRef = [file: string, id: string];

export function initLinkPreviews(): void {
  const data = document.getElementById('link-previews');
  if (!data || !matchMedia('(any-hover: hover)').matches) return;
  const ids = JSON.parse(data.textContent ?? '{}') as Record<string, PreviewRef>;
  const wake = (event: Event) => {
    if (event instanceof PointerEvent && event.pointerType === 'touch') return;
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!(link instanceof HTMLAnchorElement) || link.origin !== location.origin || link.pathname === location.pathname || !ids[link.pathname]) return;
    document.removeEventListener('pointerover', wake);
    document.removeEventListener('focusin', wake);
    void import('./link-preview').then(({ startLinkPreviews }) => startLinkPreviews(ids, data.dataset['base'] ?? '/previews/', link));
  };
  document.addEventListener('pointerover', wake);
  document.addEventListener('focusin', wake);
}
