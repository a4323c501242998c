/** Dates as readers of Chinese expect them (2026年3月14日), and as machines do (2026-03-14). */
const longFormat = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'UTC' });

export function formatDate(date: Date): string {
  return longFormat.format(date);
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
