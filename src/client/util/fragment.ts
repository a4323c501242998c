/**
 * The element a URL fragment (`#分区`, percent-encoded in `location.hash` and `a.hash`) names, or
 * null. A malformed escape (`#%E0%A4%A`, from a hand-edited or truncated link) names nothing
 * instead of throwing a URIError.
 */
export function elementForFragment(hash: string): HTMLElement | null {
  if (hash.length <= 1) return null;
  try {
    return document.getElementById(decodeURIComponent(hash.slice(1)));
  } catch {
    return null;
  }
}
