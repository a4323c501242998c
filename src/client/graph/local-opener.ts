/** Opens the local graph on demand: the drawing code (d3 included) is fetched on first open only. */
export function initLocalGraph(): void {
  const details = document.querySelector<HTMLDetailsElement>('[data-local-graph]');
  details?.addEventListener('toggle', () => {
    if (!details.open || details.dataset['loading']) return;
    details.dataset['loading'] = 'true';
    import('./local')
      .then(({ renderLocalGraph }) => renderLocalGraph(details))
      .catch((error: unknown) => {
        // Closing and opening again retries (a dropped connection, say).
        delete details.dataset['loading'];
        console.warn('local graph:', error);
      });
  });
}
