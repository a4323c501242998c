/**
 * Hover or focus an internal link → after a short delay a small card shows the target's title,
 * description and opening lines. Out of the page flow (no layout shift), Escape closes it, and
 * touch-only devices never get it (a tap should just follow the link). The page lists which links
 * have a preview; the text is fetched from previews/<id>.json on the first hover and kept.
 */
interface Preview { title: string; description: string; excerpt: string }

const DELAY_MS = 350;

export function initLinkPreviews(): void {
  const data = document.getElementById('link-previews');
  if (!data || !matchMedia('(any-hover: hover)').matches) return;
  const ids = JSON.parse(data.textContent ?? '{}') as Record<string, string>;
  const base = data.dataset['base'] ?? '/previews/';
  const loaded = new Map<string, Promise<Preview | undefined>>();
  const load = (id: string) => {
    let preview = loaded.get(id);
    if (!preview) {
      preview = fetch(`${base}${id}.json`).then((response) => (response.ok ? (response.json() as Promise<Preview>) : undefined), () => undefined);
      loaded.set(id, preview);
    }
    return preview;
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

  const previewId = (link: HTMLAnchorElement): string | undefined =>
    link.origin === location.origin && link.pathname !== location.pathname ? ids[link.pathname] : undefined;

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

  const schedule = (event: Event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!(link instanceof HTMLAnchorElement) || link === current) return;
    const id = previewId(link);
    if (!id) return;
    hide();
    pending = link;
    const preview = load(id);
    timer = window.setTimeout(() => {
      void preview.then((found) => {
        if (found && pending === link) show(link, found);
      });
    }, DELAY_MS);
  };

  document.addEventListener('pointerover', (event) => {
    if ((event as PointerEvent).pointerType !== 'touch') schedule(event);
  });
  document.addEventListener('focusin', schedule);
  document.addEventListener('pointerout', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (link && !link.contains((event as PointerEvent).relatedTarget as Node | null)) hide();
  });
  document.addEventListener('focusout', hide);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
}
