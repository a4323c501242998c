import { codeStrings as t } from '../lib/i18n';
import { SESSION_LANGUAGES } from '../lib/languages';

/**
 * Copy, download and wrap for every code block, wired by one delegated listener.
 * Copy takes the code only: no line numbers (CSS), no removed diff lines, and for terminal
 * sessions only the commands, without their `$ ` prompts. Wrap is one choice for every block,
 * remembered across pages: a reader who wants long lines wrapped on a phone wants it everywhere.
 */

const WRAP_KEY = 'code-wrap';

/**
 * Writes to the clipboard. Secure pages (https, localhost) have the Clipboard API; a plain-http
 * intranet page has not, and gets clipboard-copy's fallback, loaded as the page starts (a copy
 * must happen within the click, not after a download).
 */
const fallback = window.isSecureContext && navigator.clipboard ? undefined : import('./clipboard-fallback');
async function copy(text: string): Promise<void> {
  if (fallback) return (await fallback).copyWithFallback(text);
  return navigator.clipboard.writeText(text);
}

export function codeText(pre: HTMLElement): string {
  const session = SESSION_LANGUAGES.has(pre.dataset['language'] ?? '');
  // Trailing blanks are what a removed `[!code ++]` comment leaves behind.
  const text = (line: HTMLElement) => (line.textContent ?? '').replace(/[ \t]+$/, '');
  const lines = [...pre.querySelectorAll<HTMLElement>('.line')].filter((line) => !line.classList.contains('remove'));
  if (!session) return lines.map(text).join('\n');
  return lines
    .filter((line) => line.classList.contains('command'))
    .map((line) => text(line).replace(/^[$#] /, ''))
    .join('\n');
}

function announce(block: HTMLElement, message: string): void {
  let status = block.querySelector<HTMLElement>('[data-code-status]');
  if (!status) {
    status = document.createElement('span');
    status.className = 'sr-only';
    status.setAttribute('role', 'status');
    status.dataset['codeStatus'] = '';
    block.append(status);
  }
  status.textContent = message;
}

function setWrap(wrapped: boolean): void {
  for (const block of document.querySelectorAll<HTMLElement>('[data-code-block]')) {
    block.querySelector('pre')?.classList.toggle('wrap', wrapped);
    block.querySelector('[data-code-action="wrap"]')?.setAttribute('aria-pressed', String(wrapped));
  }
}

function storedWrap(): boolean {
  try {
    return localStorage.getItem(WRAP_KEY) === 'on';
  } catch {
    return false;
  }
}

function storeWrap(wrapped: boolean): void {
  try {
    if (wrapped) localStorage.setItem(WRAP_KEY, 'on');
    else localStorage.removeItem(WRAP_KEY);
  } catch {
    // Private modes may refuse storage; the choice still holds on this page.
  }
}

/** The button's name and tooltip is its `title`; the icon turns into a tick while `done`. */
function showResult(button: HTMLButtonElement, label: string, done: boolean): void {
  button.title = label;
  button.classList.toggle('is-done', done);
  setTimeout(() => {
    button.title = t.copy;
    button.classList.remove('is-done');
  }, 2000);
}

async function act(button: HTMLButtonElement): Promise<void> {
  const block = button.closest<HTMLElement>('[data-code-block]');
  const pre = block?.querySelector<HTMLElement>('pre');
  if (!block || !pre) return;
  const action = button.dataset['codeAction'];
  if (action === 'wrap') {
    const wrapped = !pre.classList.contains('wrap');
    setWrap(wrapped);
    storeWrap(wrapped);
    return;
  }
  const text = codeText(pre);
  if (action === 'copy') {
    try {
      await copy(text);
      showResult(button, t.copied, true);
      announce(block, t.copiedAnnouncement);
    } catch {
      showResult(button, t.copyFailed, false);
      announce(block, t.copyFailed);
    }
  } else if (action === 'download') {
    const name = block.dataset['title'] ?? 'snippet.txt';
    const url = URL.createObjectURL(new Blob([`${text}\n`], { type: 'text/plain;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: name });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    announce(block, t.downloaded(name));
  }
}

export function initCodeActions(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-code-action]')) button.hidden = false;
  setWrap(storedWrap());
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-code-action]');
    if (button) void act(button);
  });
}
