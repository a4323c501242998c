/**
 * Hover or focus an internal link → after a short delay a small card shows the target's title,
 * description and opening lines. Out of the page flow (no layout shift), Escape closes it. This
 * module and its styles load on the first hover or focus of such a link (link-preview-opener.ts);
 * the text is fetched from previews/<file>.json (a group of notes) when a card is first wanted, and kept.
 */
import previewStyles from '../styles/link-preview.css?url';
import type { PreviewRef } from './link-preview-opener';
import { loadStylesheet } from './util/stylesheet';

interface Preview { title: string; description: string; excerpt: string }

const DELAY_MS = 350;

/** `refs`: page path → where the preview of every link that has one is; `first`: the link that woke us, if still pointed at or focused. */
export function startLinkPreviews(refs: Record<string, PreviewRef>, base: string, first: HTMLAnchorElement): void {
  const files = new Map<string, Promise<Record<string, Preview> | undefined>>();
  const load = ([file, id]: PreviewRef) => {
    let loading = files.get(file);
    if (!loading) {
      loading = fetch(`${base}${file}.json`).then((response) => (response.ok ? (response.json() as Promise<Record<string, Preview>>) : undefined), () => undefined);
      files.set(file, loading);
    }
    return loading.then((previews) => previews?.[id]);
  };

  const card = document.createElement('div');
  card.id = 'link-preview-card';
  card.className = 'link-preview';
  card.setAttribute('role', 'tooltip');
  card.hidden = true;
  document.body.append(card);

  let timer: number | undefined;
  let current: HTMLAnchorElement | undefined;
  /** The link whose card is on its way (delay, fetch); moving away clears it. */
  let pending: HTMLAnchorElement | undefined;

  const previewRef = (link: HTMLAnchorElement): PreviewRef | undefined =>
    link.origin === location.origin && link.pathname !== location.pathname ? refs[link.pathname] : undefined;

  const hide = () => {
    window.clearTimeout(timer);
    pending = undefined;
    card.hidden = true;
    current?.removeAttribute('aria-describedby');
    current = undefined;
  };

  const show = (link: HTMLAnchorElement, preview: Preview) => {
    const title = Object.assign(document.createElement('strong'), { textContent: preview.title });
    const description = Object.assign(document.createElement('p'), { textContent: preview.description });
    const excerpt = Object.assign(document.createElement('p'), { className: 'link-preview__excerpt', textContent: preview.excerpt });
    card.replaceChildren(title, description, excerpt);
    card.hidden = false;
    const box = link.getBoundingClientRect();
    const width = Math.min(340, window.innerWidth - 16);
    card.style.width = `${width}px`;
    card.style.left = `${Math.max(8, Math.min(box.left, window.innerWidth - width - 8)) + window.scrollX}px`;
    const below = box.bottom + 8;
    const fitsBelow = below + card.offsetHeight < window.innerHeight;
    card.style.top = `${(fitsBelow ? below : box.top - card.offsetHeight - 8) + window.scrollY}px`;
    link.setAttribute('aria-describedby', card.id);
    current = link;
  };

  const schedule = (target: EventTarget | null) => {
    const link = (target as Element | null)?.closest?.('a[href]');
    if (!(link instanceof HTMLAnchorElement) || link === current) return;
    const ref = previewRef(link);
    if (!ref) return;
    hide();
    pending = link;
    const preview = load(ref);
    timer = window.setTimeout(() => {
      void preview.then((found) => {
        if (found && pending === link) show(link, found);
      });
    }, DELAY_MS);
  };

  document.addEventListener('pointerover', (event) => {
    if (event.pointerType !== 'touch') schedule(event.target);
  });
  document.addEventListener('focusin', (event) => schedule(event.target));
  document.addEventListener('pointerout', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (link && !link.contains((event as PointerEvent).relatedTarget as Node | null)) hide();
  });
  document.addEventListener('focusout', hide);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  // The card waits for its styles; by then the reader may have moved on from the first link.
  void loadStylesheet(previewStyles).then(() => {
    if (first.matches(':hover') || first === document.activeElement) schedule(first);
  });
}
