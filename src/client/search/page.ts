import { zhCN as t } from '../../lib/i18n';
import { latestOnly } from '../util/debounce';
import { availableFilters, searchNotes, type SearchResult } from './query';
import { resultParts, statusText } from './render';

/**
 * The search page (`<base>/search/?q=…&topic=…&tag=…`): the same results as the dialog, as a
 * list of links; typing and filtering keep the address up to date, so it can be shared.
 */
export function initSearchPage(form: HTMLFormElement, base: string): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select')];
  const status = document.querySelector<HTMLElement>('[data-search-status]')!;
  const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';

  const render = ({ query, results }: { query: string; results: SearchResult[] }) => {
    status.textContent = statusText(query, results);
    let partialShown = false;
    list.replaceChildren(
      ...results.flatMap((result) => {
        const items: HTMLElement[] = [];
        if (result.match === 'partial' && !partialShown && results[0]?.match !== 'partial') {
          partialShown = true;
          const divider = document.createElement('li');
          divider.className = 'search-divider';
          divider.textContent = t.searchPartialHeading;
          items.push(divider);
        }
        const item = document.createElement('li');
        item.className = 'search-result';
        item.append(...resultParts(result, 'a'));
        items.push(item);
        return items;
      }),
    );
  };

  const current = () => {
    const next = new URLSearchParams();
    if (input.value.trim()) next.set('q', input.value.trim());
    for (const select of selects) if (select.value) next.set(select.name, select.value);
    return next;
  };
  const update = latestOnly(
    (query: string) =>
      searchNotes(base, query, {
        topic: selects.find((s) => s.name === 'topic')?.value || undefined,
        tag: selects.find((s) => s.name === 'tag')?.value || undefined,
      }),
    render,
  );
  const refresh = () => {
    const query = current().toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
    update(input.value);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    refresh();
  });
  input.addEventListener('input', refresh);
  for (const select of selects) select.addEventListener('change', refresh);

  void availableFilters(base).then(({ topic, tag }) => {
    for (const select of selects) {
      const values = select.name === 'topic' ? topic : tag;
      const chosen = params.get(select.name) ?? '';
      select.replaceChildren(new Option(t.searchAll, ''), ...values.map((value) => new Option(value, value, false, value === chosen)));
    }
    update(input.value);
  });
  form.hidden = false;
  document.querySelector<HTMLElement>('[data-search-nojs]')?.setAttribute('hidden', '');
}
