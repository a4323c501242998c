/**
 * Lists of small non-negative integers as short ASCII strings (a variable-length code over the
 * base64url alphabet: five bits per character, the sixth says "more follows"). A posting list of a
 * common term is a few hundred numbers; as JSON numbers with commas it would be three times longer.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((char, i) => [char, i]));
const CODES = /* @__PURE__ */ Uint8Array.from(ALPHABET, (char) => char.charCodeAt(0));
/** The code is ASCII; one decoder serves every list (making one per list cost more than the decoding). */
const ASCII = /* @__PURE__ */ new TextDecoder('latin1');

/** Integers written one by one into the code above, kept as bytes until the text is asked for. */
class IntWriter {
  private bytes = new Uint8Array(16);
  private length = 0;

  int(value: number): void {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${value} is not a non-negative integer`);
    // A value below 2^40 takes at most 8 characters.
    if (this.length + 8 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    let rest = value;
    // Bit operations where they are exact (below 2^31, nearly every value), division above.
    while (rest >= 32) {
      this.bytes[this.length++] = CODES[32 | (rest < 0x80000000 ? rest & 31 : rest % 32)]!;
      rest = rest < 0x80000000 ? rest >>> 5 : Math.floor(rest / 32);
    }
    this.bytes[this.length++] = CODES[rest]!;
  }

  toString(): string {
    return ASCII.decode(this.bytes.subarray(0, this.length));
  }
}

export function encodeInts(values: readonly number[]): string {
  const writer = new IntWriter();
  for (const value of values) writer.int(value);
  return writer.toString();
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

/**
 * One term's postings, appended page by page in ascending order, pages and passages each stored as
 * the gap from the previous one. The index keeps each term's postings in one of these as it is
 * built: ten thousand notes make tens of millions of postings, which as arrays of numbers would
 * take gigabytes.
 */
export class PostingsWriter {
  private readonly ints = new IntWriter();
  private lastPage = 0;

  add(page: number, count: number, passages: readonly number[]): void {
    this.ints.int(page - this.lastPage);
    this.ints.int(count);
    this.ints.int(passages.length);
    for (let i = 0; i < passages.length; i++) this.ints.int(passages[i]! - (i === 0 ? 0 : passages[i - 1]!));
    this.lastPage = page;
  }

  toString(): string {
    return this.ints.toString();
  }
}

export function encodePostings(postings: readonly Posting[]): string {
  const writer = new PostingsWriter();
  for (const { page, count, passages } of postings) writer.add(page, count, passages);
  return writer.toString();
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
