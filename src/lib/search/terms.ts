/**
 * The words search looks up, the same at build time (indexing the notes) and in the browser
 * (reading a query), so a query finds exactly what the index holds.
 *
 * Chinese has no spaces and no segmenter agrees with every author, so Han text is indexed as
 * overlapping character pairs (分区存储 → 分区 区存 存储) plus single characters: any run of two or
 * more characters is found by the pairs it is made of, whatever a segmenter would have cut. Latin
 * text is indexed as words (`restart`, `ip_hash`), as the pair of two words in a row (`consumer
 * group`), and as config-style compounds that keep their punctuation (`restart=always`,
 * `min.insync.replicas`, `-xmx512m`) together with their tails (`insync.replicas`), so a config key
 * is found as written.
 */

export const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
/** Letters, digits and `_` outside Han: one Latin word. */
const WORD = /[\p{L}\p{N}_]+/gu;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** Characters a config key or a command-line flag keeps inside it. */
const COMPOUND = /(?:[\p{L}\p{N}_]|[-.=:/+#@~%&*?!$^|\\])+/gu;
const COMPOUND_PUNCT = /[-.=:/+#@~%&*?!$^|\\]/;
/** Sentence punctuation that ends a compound rather than belonging to it. */
const TRAILING = /[.:!?]+$/;

/** Case and width folded (ＩＳＲ → isr); the same on both sides. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function hanChars(run: string): string[] {
  return [...run];
}

/** Overlapping pairs of a Han run; a single character is its own term. */
export function hanPairs(run: string): string[] {
  const chars = hanChars(run);
  if (chars.length < 2) return chars;
  return chars.slice(1).map((char, i) => chars[i] + char);
}

function withoutHan(text: string): string {
  return text.replace(HAN_RUN, ' ');
}

export function latinWords(text: string): string[] {
  return withoutHan(text).match(WORD) ?? [];
}

/**
 * Latin text as written: config-style compounds (`restart=always`, trailing sentence punctuation
 * dropped) and the plain words between them, in order.
 */
export function latinTokens(text: string): { token: string; compound: boolean }[] {
  const tokens: { token: string; compound: boolean }[] = [];
  for (const raw of withoutHan(text).match(COMPOUND) ?? []) {
    const token = raw.replace(TRAILING, '');
    if (COMPOUND_PUNCT.test(token) && WORD_CHAR.test(token)) tokens.push({ token, compound: true });
    else for (const word of token.match(WORD) ?? []) tokens.push({ token: word, compound: false });
  }
  return tokens;
}

/**
 * Every compound with its tails from each inner punctuation mark, with and without the mark:
 * `min.insync.replicas` → itself, `.insync.replicas`, `insync.replicas`, `.replicas`;
 * `java_opts=-xmx2g` → …, `-xmx2g`. A key is found by any of its trailing parts.
 */
export function compounds(text: string): string[] {
  const found: string[] = [];
  for (const { token, compound } of latinTokens(text)) {
    if (!compound) continue;
    found.push(token);
    for (let i = 1; i < token.length; i++) {
      if (!COMPOUND_PUNCT.test(token[i]!)) continue;
      const tail = token.slice(i);
      if (WORD_CHAR.test(tail)) found.push(tail);
      const afterPunct = token.slice(i + 1);
      if (COMPOUND_PUNCT.test(afterPunct) && WORD_CHAR.test(afterPunct[0] ?? '')) found.push(afterPunct);
    }
  }
  return found;
}

/** Two plain Latin words separated only by spaces: `consumer group` (not across Chinese or a key). */
export function wordPairs(text: string): string[] {
  const pairs: string[] = [];
  for (const segment of text.split(HAN_RUN)) {
    let previous: { word: string; end: number } | undefined;
    for (const match of segment.matchAll(COMPOUND)) {
      const token = match[0].replace(TRAILING, '');
      const plain = !COMPOUND_PUNCT.test(token) && WORD_CHAR.test(token);
      const gap = previous ? segment.slice(previous.end, match.index) : '';
      if (plain && previous && /^\s+$/.test(gap)) pairs.push(`${previous.word} ${token}`);
      // A word followed by sentence punctuation (`end.`) pairs with nothing after it.
      previous = plain && token === match[0] ? { word: token, end: match.index + match[0].length } : undefined;
    }
  }
  return pairs;
}

/** Every indexed term of a piece of text, with how often it occurs. */
export function indexTerms(text: string): Map<string, number> {
  const normal = normalize(text);
  const counts = new Map<string, number>();
  const add = (term: string) => counts.set(term, (counts.get(term) ?? 0) + 1);
  for (const run of normal.match(HAN_RUN) ?? []) {
    for (const char of hanChars(run)) add(char);
    if ([...run].length > 1) for (const pair of hanPairs(run)) add(pair);
  }
  for (const word of latinWords(normal)) add(word);
  for (const compound of compounds(normal)) add(compound);
  for (const pair of wordPairs(normal)) add(pair);
  return counts;
}
