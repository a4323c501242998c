/** Marks the TOC link of the section being read (`aria-current`), as the reader scrolls. */
export function highlightCurrentSection(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-toc] a[href^="#"]')];
  const targets = links
    .map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))))
    .filter((el): el is HTMLElement => el !== null);
  if (targets.length === 0) return;

  const update = () => {
    // The current section is the last heading above the upper third of the viewport.
    const line = window.innerHeight / 3;
    let current = targets[0];
    for (const target of targets) if (target.getBoundingClientRect().top <= line) current = target;
    for (const link of links) {
      const isCurrent = current !== undefined && decodeURIComponent(link.hash.slice(1)) === current.id;
      if (isCurrent) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  };
  let queued = false;
  window.addEventListener('scroll', () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; update(); });
  }, { passive: true });
  window.addEventListener('hashchange', update);
  update();
}

/**
 * The TOC is a closed <details> above the text on narrow screens; where note.css gives it the
 * right column (72rem and wider), it opens, and closes again if the window narrows.
 */
export function openTocOnWideScreens(): void {
  const details = document.querySelector<HTMLDetailsElement>('[data-toc] details');
  if (!details) return;
  const wide = matchMedia('(min-width: 72rem)');
  details.open = wide.matches;
  wide.addEventListener('change', (event) => { details.open = event.matches; });
}
