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

/**
 * One term's postings as the index is built: appended page by page in ascending order and kept
 * encoded, as `encodePostings` would write them. Ten thousand notes make tens of millions of
 * postings; as arrays of numbers they would take gigabytes.
 */
export class PostingsWriter {
  private bytes = new Uint8Array(16);
  private length = 0;
  private lastPage = 0;

  add(page: number, count: number, passages: readonly number[]): void {
    this.int(page - this.lastPage);
    this.int(count);
    this.int(passages.length);
    passages.forEach((passage, i) => this.int(passage - (i === 0 ? 0 : passages[i - 1]!)));
    this.lastPage = page;
  }

  toString(): string {
    return new TextDecoder('latin1').decode(this.bytes.subarray(0, this.length));
  }

  private int(value: number): void {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`PostingsWriter: ${value} is not a non-negative integer`);
    // A value below 2^40 takes at most 8 characters.
    if (this.length + 8 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    let rest = value;
    while (rest >= 32) {
      this.bytes[this.length++] = ALPHABET.charCodeAt(32 | (rest % 32));
      rest = Math.floor(rest / 32);
    }
    this.bytes[this.length++] = ALPHABET.charCodeAt(rest);
  }
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
