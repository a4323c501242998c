import { searchStrings as t } from '../../lib/i18n';
import { inputKind, latestOnly } from '../util/debounce';
import { availableFilters, searchNotes, type SearchResponse } from './query';
import { loadExcerptsWhenVisible, resultParts, statusText } from './render';

/**
 * The search page (`<base>/search/?q=…&topic=…&tag=…`): the same results as the dialog, all of
 * them, as a list of links; typing and filtering keep the address up to date, so it can be shared.
 */
export function initSearchPage(form: HTMLFormElement, base: string): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select')];
  const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
  const results = new ResultList(list, document.querySelector<HTMLElement>('[data-search-status]')!, base);
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  const failed = (error: unknown) => results.failed(error);
  const update = latestOnly(
    (query: string) =>
      searchNotes(base, query, {
        topic: selects.find((s) => s.name === 'topic')?.value || undefined,
        tag: selects.find((s) => s.name === 'tag')?.value || undefined,
      }),
    (response: SearchResponse) => results.show(response),
    failed,
  );
  const refresh = (at: 'now' | 'later') => {
    const query = addressQuery(input, selects).toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
    list.setAttribute('aria-busy', 'true');
    update[at](input.value);
  };
  refreshOnChange(form, input, selects, refresh);

  void availableFilters(base).then(({ topic, tag }) => {
    for (const select of selects) {
      const values = select.name === 'topic' ? topic : tag;
      const chosen = params.get(select.name) ?? '';
      select.replaceChildren(new Option(t.searchAll, ''), ...values.map((value) => new Option(value, value, false, value === chosen)));
    }
    list.setAttribute('aria-busy', 'true');
    update.now(input.value);
  }, failed);
  form.hidden = false;
  document.querySelector<HTMLElement>('[data-search-nojs]')?.setAttribute('hidden', '');
}

/** The list of results and the status line above it; excerpts still loading stop when the list is replaced. */
class ResultList {
  private stopLoading = () => undefined as void;

  constructor(
    private readonly list: HTMLOListElement,
    private readonly status: HTMLElement,
    private readonly base: string,
  ) {}

  show(response: SearchResponse): void {
    this.stopLoading();
    const { results } = response;
    this.status.textContent = statusText(response);
    const items = results.map((result) => {
      const item = document.createElement('li');
      item.className = 'search-result';
      item.append(...resultParts(result, true));
      return item;
    });
    // Partial matches follow a heading, unless there is nothing else.
    const firstPartial = results.findIndex((result) => result.match === 'partial');
    const divider = document.createElement('li');
    divider.className = 'search-divider';
    divider.textContent = t.searchPartialHeading;
    this.list.replaceChildren(...(firstPartial > 0 ? [...items.slice(0, firstPartial), divider, ...items.slice(firstPartial)] : items));
    this.list.setAttribute('aria-busy', 'false');
    this.stopLoading = loadExcerptsWhenVisible(this.base, items.map((item, i) => [item, results[i]!]), null);
  }

  failed(error: unknown): void {
    console.error(error);
    this.status.textContent = t.searchError;
    this.list.setAttribute('aria-busy', 'false');
  }
}

/** The page's address for the current query and filters: `q`, then each chosen filter. */
function addressQuery(input: HTMLInputElement, selects: readonly HTMLSelectElement[]): URLSearchParams {
  const next = new URLSearchParams();
  if (input.value.trim()) next.set('q', input.value.trim());
  for (const select of selects) if (select.value) next.set(select.name, select.value);
  return next;
}

/** A submit, a word typed or a filter changed searches at once; single keystrokes wait for a pause. */
function refreshOnChange(form: HTMLFormElement, input: HTMLInputElement, selects: readonly HTMLSelectElement[], refresh: (at: 'now' | 'later') => void): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    refresh('now');
  });
  input.addEventListener('input', (event) => {
    const kind = inputKind(event);
    if (kind !== 'composing') refresh(kind === 'word' ? 'now' : 'later');
  });
  input.addEventListener('compositionend', () => refresh('now'));
  for (const select of selects) select.addEventListener('change', () => refresh('now'));
}
