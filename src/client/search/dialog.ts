import { groupingStrings, searchStrings as t } from '../../lib/i18n';
import { loadStylesheet } from '../util/stylesheet';
import searchStyles from '../../styles/search.css?url';
import { inputKind, latestOnly } from '../util/debounce';
import { availableFilters, searchNotes, type SearchFilters, type SearchResponse, type SearchResult } from './query';
import { loadExcerptsWhenVisible, resultParts, statusText } from './render';

/**
 * The search dialog: a combobox input, topic and tag filters, and a listbox of results. Each
 * result is a real link (Ctrl/⌘-click and middle-click open it in a new tab). ↑/↓ move through the
 * results, Enter opens one, Escape closes and returns focus (native <dialog>). The listbox is
 * `aria-busy` from a keystroke until that query's results are shown.
 */
let dialog: HTMLDialogElement | undefined;

/** The dialog shows the best results; the search page lists them all. */
const SHOWN = 10;

export async function openSearchDialog(base: string, opener: HTMLElement): Promise<void> {
  await loadStylesheet(searchStyles);
  dialog ??= buildDialog(base);
  if (!dialog.open) dialog.showModal();
  const input = dialog.querySelector<HTMLInputElement>('input')!;
  input.focus();
  input.select();
  opener.setAttribute('aria-expanded', 'true');
  dialog.addEventListener('close', () => opener.setAttribute('aria-expanded', 'false'), { once: true });
}

function skeleton(): HTMLDialogElement {
  const root = document.createElement('dialog');
  root.className = 'search-dialog';
  root.setAttribute('aria-label', t.searchTitle);
  root.innerHTML = `
    <div class="search-box">
      <input type="search" role="combobox" aria-autocomplete="list" aria-expanded="false"
        aria-controls="search-listbox" autocomplete="off" spellcheck="false" enterkeyhint="search">
      <button type="button" class="icon-button" data-close></button>
    </div>
    <div class="search-filters">
      <label><span></span> <select data-filter="topic"></select></label>
      <label><span></span> <select data-filter="tag"></select></label>
    </div>
    <p class="search-status" role="status"></p>
    <div id="search-listbox" role="listbox" class="search-options"></div>
    <p class="search-footer"><a data-see-all></a></p>`;
  const input = root.querySelector('input')!;
  input.setAttribute('aria-label', t.searchLabel);
  input.placeholder = t.searchPlaceholder;
  const close = root.querySelector<HTMLButtonElement>('[data-close]')!;
  close.textContent = t.searchClose;
  close.addEventListener('click', () => root.close());
  const [topicLabel, tagLabel] = root.querySelectorAll('.search-filters span');
  topicLabel!.textContent = groupingStrings.topics;
  tagLabel!.textContent = groupingStrings.tags;
  root.querySelector('[role="listbox"]')!.setAttribute('aria-label', t.searchResults);
  root.querySelector('[data-see-all]')!.textContent = t.searchSeeAll;
  return root;
}

function resultOption(result: SearchResult, index: number): HTMLAnchorElement {
  const option = document.createElement('a');
  option.id = `search-option-${index}`;
  option.href = result.url;
  option.setAttribute('role', 'option');
  option.setAttribute('aria-selected', 'false');
  option.className = `search-result${result.match === 'partial' ? ' search-result--partial' : ''}`;
  option.append(...resultParts(result, false));
  return option;
}

/** The listbox's options and the active one (↑/↓), mirrored in the input's aria-activedescendant. */
class Options {
  private options: HTMLAnchorElement[] = [];
  private active = -1;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly listbox: HTMLElement,
  ) {}

  replace(options: HTMLAnchorElement[]): void {
    this.options = options;
    this.listbox.replaceChildren(...options);
    this.input.setAttribute('aria-expanded', String(options.length > 0));
    this.show(-1);
  }

  /** ↓ / ↑: the next or previous option, wrapping around; from none, the first or the last. */
  move(step: 1 | -1): void {
    const count = this.options.length;
    if (count === 0) this.show(-1);
    else if (this.active === -1) this.show(step > 0 ? 0 : count - 1);
    else this.show((this.active + step + count) % count);
  }

  private show(index: number): void {
    this.active = index;
    this.options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    const current = this.options[index];
    if (current) {
      this.input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  /** The active option, or the first when none is. */
  chosen(): HTMLAnchorElement | undefined {
    return this.options[this.active] ?? this.options[0];
  }
}

function buildDialog(base: string): HTMLDialogElement {
  const root = skeleton();
  const input = root.querySelector('input')!;
  const listbox = root.querySelector<HTMLElement>('[role="listbox"]')!;
  const status = root.querySelector<HTMLElement>('[role="status"]')!;
  const seeAll = root.querySelector<HTMLAnchorElement>('[data-see-all]')!;
  const selects = [...root.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const options = new Options(input, listbox);
  let stopLoading = () => undefined as void;
  const filters = (): SearchFilters => ({
    topic: selects.find((s) => s.dataset['filter'] === 'topic')?.value || undefined,
    tag: selects.find((s) => s.dataset['filter'] === 'tag')?.value || undefined,
  });

  const render = (response: SearchResponse) => {
    stopLoading();
    const shown = response.results.slice(0, SHOWN);
    const elements = shown.map(resultOption);
    options.replace(elements);
    stopLoading = loadExcerptsWhenVisible(base, elements.map((option, i) => [option, shown[i]!]), listbox);
    status.textContent = statusText(response);
    seeAll.href = `${base}search/?${new URLSearchParams({ q: input.value.trim(), ...definedEntries({ ...filters() }) })}`;
    listbox.setAttribute('aria-busy', 'false');
  };
  const failed = (error: unknown) => {
    console.error(error);
    status.textContent = t.searchError;
    listbox.setAttribute('aria-busy', 'false');
  };
  const update = latestOnly((query: string, chosen: SearchFilters) => searchNotes(base, query, chosen), render, failed);
  const search = (at: 'now' | 'later') => {
    listbox.setAttribute('aria-busy', 'true');
    update[at](input.value, filters());
  };
  input.addEventListener('input', (event) => {
    const kind = inputKind(event);
    if (kind !== 'composing') search(kind === 'word' ? 'now' : 'later');
  });
  input.addEventListener('compositionend', () => search('now'));
  for (const select of selects) select.addEventListener('change', () => search('now'));
  navigateWithKeys(input, options);

  void availableFilters(base).then(({ topic, tag }) => {
    for (const select of selects) {
      const values = select.dataset['filter'] === 'topic' ? topic : tag;
      select.replaceChildren(new Option(t.searchAll, ''), ...values.map((value) => new Option(value, value)));
    }
  }, failed);
  seeAll.href = `${base}search/`;
  document.body.append(root);
  return root;
}

/** ↑/↓ move through the options while focus stays in the input (combobox); Enter opens the chosen one. */
function navigateWithKeys(input: HTMLInputElement, options: Options): void {
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      options.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = options.chosen();
      if (chosen) location.assign(chosen.href);
    }
  });
}

function definedEntries(record: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => Boolean(entry[1])));
}
