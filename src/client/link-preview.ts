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
  const card = new PreviewCard(refs, previewLoader(base));
  document.addEventListener('pointerover', (event) => {
    if (event.pointerType !== 'touch') card.schedule(event.target);
  });
  document.addEventListener('focusin', (event) => card.schedule(event.target));
  document.addEventListener('pointerout', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (link && !link.contains((event as PointerEvent).relatedTarget as Node | null)) card.hide();
  });
  document.addEventListener('focusout', () => card.hide());
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') card.hide();
  });
  // The card waits for its styles; by then the reader may have moved on from the first link.
  void loadStylesheet(previewStyles).then(() => {
    if (first.matches(':hover') || first === document.activeElement) card.schedule(first);
  });
}

/** Each previews file is fetched once, however many of its notes are wanted. */
function previewLoader(base: string): (ref: PreviewRef) => Promise<Preview | undefined> {
  const files = new Map<string, Promise<Record<string, Preview> | undefined>>();
  return ([file, id]) => {
    let loading = files.get(file);
    if (!loading) {
      loading = fetch(`${base}${file}.json`).then((response) => (response.ok ? (response.json() as Promise<Record<string, Preview>>) : undefined), () => undefined);
      files.set(file, loading);
    }
    return loading.then((previews) => previews?.[id]);
  };
}

/** The one card on the page, the link it describes, and the link it is on its way to. */
class PreviewCard {
  private readonly card = document.createElement('div');
  private timer: number | undefined;
  private current: HTMLAnchorElement | undefined;
  /** The link whose card is on its way (delay, fetch); moving away clears it. */
  private pending: HTMLAnchorElement | undefined;

  constructor(
    private readonly refs: Record<string, PreviewRef>,
    private readonly load: (ref: PreviewRef) => Promise<Preview | undefined>,
  ) {
    this.card.id = 'link-preview-card';
    this.card.className = 'link-preview';
    this.card.setAttribute('role', 'tooltip');
    this.card.hidden = true;
    document.body.append(this.card);
  }

  /** Shows the card of the link `target` is in after a delay, if it is another page with a preview. */
  schedule(target: EventTarget | null): void {
    const link = (target as Element | null)?.closest?.('a[href]');
    if (!(link instanceof HTMLAnchorElement) || link === this.current) return;
    const ref = this.previewRef(link);
    if (!ref) return;
    this.hide();
    this.pending = link;
    const preview = this.load(ref);
    this.timer = window.setTimeout(() => {
      void preview.then((found) => {
        if (found && this.pending === link) this.show(link, found);
      });
    }, DELAY_MS);
  }

  hide(): void {
    window.clearTimeout(this.timer);
    this.pending = undefined;
    this.card.hidden = true;
    this.current?.removeAttribute('aria-describedby');
    this.current = undefined;
  }

  private previewRef(link: HTMLAnchorElement): PreviewRef | undefined {
    return link.origin === location.origin && link.pathname !== location.pathname ? this.refs[link.pathname] : undefined;
  }

  private show(link: HTMLAnchorElement, preview: Preview): void {
    const title = Object.assign(document.createElement('strong'), { textContent: preview.title });
    const description = Object.assign(document.createElement('p'), { textContent: preview.description });
    const excerpt = Object.assign(document.createElement('p'), { className: 'link-preview__excerpt', textContent: preview.excerpt });
    this.card.replaceChildren(title, description, excerpt);
    this.card.hidden = false;
    this.placeBy(link);
    link.setAttribute('aria-describedby', this.card.id);
    this.current = link;
  }

  /** Below the link, or above it when there is no room below; inside the window's width. */
  private placeBy(link: HTMLAnchorElement): void {
    const { card } = this;
    const box = link.getBoundingClientRect();
    const width = Math.min(340, window.innerWidth - 16);
    card.style.width = `${width}px`;
    card.style.left = `${Math.max(8, Math.min(box.left, window.innerWidth - width - 8)) + window.scrollX}px`;
    const below = box.bottom + 8;
    const fitsBelow = below + card.offsetHeight < window.innerHeight;
    card.style.top = `${(fitsBelow ? below : box.top - card.offsetHeight - 8) + window.scrollY}px`;
  }
}
