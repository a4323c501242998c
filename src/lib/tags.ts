/** Tag index order: most used first, then by display name. */
export function byCountThenName(
  a: { name: string; notes: readonly unknown[] },
  b: { name: string; notes: readonly unknown[] },
): number {
  return b.notes.length - a.notes.length || a.name.localeCompare(b.name, 'zh-CN');
}
