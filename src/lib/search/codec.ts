/**
 * Lists of small non-negative integers as short ASCII strings (a variable-length code over the
 * base64url alphabet: five bits per character, the sixth says "more follows"). A posting list of a
 * common term is a few hundred numbers; as JSON numbers with commas it would be three times longer.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((char, i) => [char, i]));

export function encodeInts(values: readonly number[]): string {
  let out = '';
  for (const value of values) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`encodeInts: ${value} is not a non-negative integer`);
    let rest = value;
    while (rest >= 32) {
      out += ALPHABET[32 | (rest % 32)];
      rest = Math.floor(rest / 32);
    }
    out += ALPHABET[rest];
  }
  return out;
}

export function decodeInts(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let scale = 1;
  for (const char of text) {
    const digit = VALUE.get(char);
    if (digit === undefined) throw new RangeError(`decodeInts: "${char}" is not in the alphabet`);
    value += (digit % 32) * scale;
    if (digit >= 32) scale *= 32;
    else {
      values.push(value);
      value = 0;
      scale = 1;
    }
  }
  return values;
}

/** Where a term occurs: a page, how often, and which of its passages (numbered within the page). */
export interface Posting {
  page: number;
  count: number;
  passages: number[];
}

/** Pages and passages in ascending order, each stored as the gap from the previous one. */
export function encodePostings(postings: readonly Posting[]): string {
  const values: number[] = [];
  let lastPage = 0;
  for (const { page, count, passages } of postings) {
    values.push(page - lastPage, count, passages.length);
    passages.forEach((passage, i) => values.push(passage - (i === 0 ? 0 : passages[i - 1]!)));
    lastPage = page;
  }
  return encodeInts(values);
}

export function decodePostings(text: string): Posting[] {
  const values = decodeInts(text);
  const postings: Posting[] = [];
  let page = 0;
  for (let i = 0; i < values.length; ) {
    page += values[i++]!;
    const count = values[i++]!;
    const passages: number[] = [];
    for (let n = values[i++]!, last = 0; n > 0; n--) passages.push((last += values[i++]!));
    postings.push({ page, count, passages });
  }
  return postings;
}
