import path from 'node:path';
import { keysFor, lookUp, supportedVersions, type KeySpec, type Scope } from './kafka-config-keys.ts';
import type { Checker, Outcome, Problem, Snippet } from './types.ts';

/**
 * Kafka `.properties`: every key must be a documented config of the Kafka version the note is
 * about (kafka-config-keys.ts), and its value must fit the documented type and valid values.
 */

export interface Property {
  key: string;
  value: string;
  /** 1-based line in the snippet. */
  line: number;
}

/** java.util.Properties syntax: `#`/`!` comments, `key=value`, `key: value`, `key value`, `\` continuations. */
export function parseProperties(code: string): Property[] {
  const all = code.split('\n');
  const properties: Property[] = [];
  for (let i = 0; i < all.length; i++) {
    const start = i;
    let text = all[i]!.replace(/^\s+/, '');
    if (text === '' || text.startsWith('#') || text.startsWith('!')) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(text) && i + 1 < all.length) text = text.slice(0, -1) + all[++i]!.replace(/^\s+/, '');
    const match = /^((?:\\.|[^=:\s\\])+)\s*[=:\s]\s*(.*)$/.exec(text) ?? /^((?:\\.|[^=:\s\\])+)$/.exec(text);
    if (!match) continue;
    properties.push({ key: match[1]!.replace(/\\(.)/g, '$1'), value: (match[2] ?? '').trim(), line: start + 1 });
  }
  return properties;
}

/** Which config table a file is: from its title (`producer.properties`, `server.properties`). */
export function scopeOf(title: string | undefined): Scope | undefined {
  const name = path.basename(title ?? '').toLowerCase();
  if (/producer/.test(name)) return 'producer';
  if (/consumer/.test(name)) return 'consumer';
  if (/connect/.test(name)) return 'connect';
  if (/admin/.test(name)) return 'admin';
  if (/topic/.test(name)) return 'topic';
  if (/server|broker|controller|kraft/.test(name)) return 'broker';
  return undefined;
}

/**
 * The Kafka version a block is written for: `kafka=` in the fence meta, else the first supported
 * version the block names, else the nearest one the note names before the block (the sentence that
 * introduces it), else the first one after it, else the newest list.
 */
export function kafkaVersion(snippet: Pick<Snippet, 'code' | 'noteText' | 'meta' | 'line'>): string {
  const supported = supportedVersions();
  const fromMeta = snippet.meta.attributes['kafka'];
  if (fromMeta) return fromMeta;
  const mentions = (text: string): string[] =>
    [...text.matchAll(/\b(?:Apache\s+)?(?:Kafka|kafka-clients)\s*(\d+)\.(\d+|x)\b/gi)]
      .map((match) => `${match[1]}.${match[2] === 'x' ? '0' : match[2]}`)
      .filter((version) => supported.includes(version));
  const noteLines = snippet.noteText.split('\n');
  const before = mentions(noteLines.slice(0, snippet.line - 1).join('\n'));
  const after = mentions(noteLines.slice(snippet.line - 1).join('\n'));
  return mentions(snippet.code)[0] ?? before[before.length - 1] ?? after[0] ?? supported[supported.length - 1]!;
}

const INT_RANGE: Record<string, [bigint, bigint]> = {
  short: [-32768n, 32767n],
  int: [-2147483648n, 2147483647n],
  long: [-9223372036854775808n, 9223372036854775807n],
};

/** Why a value does not fit its documented type, or undefined when it does. */
export function valueProblem(spec: KeySpec, value: string): string | undefined {
  const range = (n: number): string | undefined => {
    if (spec.min !== undefined && n < spec.min) return `must be at least ${spec.min}`;
    if (spec.max !== undefined && n > spec.max) return `must be at most ${spec.max}`;
    return undefined;
  };
  const inValues = (item: string): boolean =>
    !spec.values ||
    spec.values.some((allowed) => (spec.ignoreCase ? allowed.toLowerCase() === item.toLowerCase() : allowed === item)) ||
    (spec.pattern !== undefined && new RegExp(spec.pattern).test(item));
  switch (spec.type) {
    case 'short':
    case 'int':
    case 'long': {
      if (!/^-?\d+$/.test(value)) return `"${value}" is not a whole number (type ${spec.type})`;
      const [low, high] = INT_RANGE[spec.type]!;
      const n = BigInt(value);
      if (n < low || n > high) return `${value} does not fit a ${spec.type}`;
      return range(Number(value));
    }
    case 'double':
      if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value)) return `"${value}" is not a number (type double)`;
      return range(Number(value));
    case 'boolean':
      return /^(true|false)$/i.test(value) ? undefined : `"${value}" is not true or false (type boolean)`;
    case 'class':
      return /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(value) ? undefined : `"${value}" is not a Java class name`;
    case 'list': {
      const items = value.split(',').map((item) => item.trim()).filter(Boolean);
      const bad = items.filter((item) => !inValues(item));
      return bad.length === 0 ? undefined : `${bad.map((b) => `"${b}"`).join(', ')} not in [${spec.values!.join(', ')}]`;
    }
    default:
      return value === '' || inValues(value) ? undefined : `"${value}" is not one of [${spec.values!.join(', ')}]`;
  }
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

export function checkKafkaProperties(snippet: Pick<Snippet, 'code' | 'noteText' | 'meta' | 'line'>): { version: string; problems: Problem[] } {
  const version = kafkaVersion(snippet);
  if (!supportedVersions().includes(version)) {
    return { version, problems: [{ line: snippet.line, message: `no Kafka config list for version ${version} (have ${supportedVersions().join(', ')})` }] };
  }
  const tables = keysFor(version);
  const scope = scopeOf(snippet.meta.title);
  const scopes = scope ? [scope] : [...tables.keys()];
  const where = scope ? `${scope} configs` : 'any config table';
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  for (const property of parseProperties(snippet.code)) {
    const line = snippet.line + property.line;
    if (seen.has(property.key)) {
      problems.push({ line, message: `"${property.key}" is set twice (first on line ${seen.get(property.key)}); the last one wins` });
    }
    seen.set(property.key, line);
    const spec = lookUp(tables, scopes, property.key);
    if (!spec) {
      const elsewhere = scope ? [...tables.entries()].find(([, keys]) => keys.has(property.key))?.[0] : undefined;
      const candidates = scopes.flatMap((s) => [...(tables.get(s)?.keys() ?? [])]);
      const near = candidates
        .map((candidate) => ({ candidate, d: distance(candidate, property.key) }))
        .filter(({ d }) => d <= 3)
        .sort((a, b) => a.d - b.d)[0]?.candidate;
      const hint = elsewhere ? ` (it is a ${elsewhere} config)` : near ? ` (did you mean "${near}"?)` : '';
      problems.push({ line, message: `unknown key "${property.key}" in Kafka ${version} ${where}${hint}` });
      continue;
    }
    const bad = valueProblem(spec, property.value);
    if (bad) problems.push({ line, message: `${property.key}: ${bad}` });
  }
  return { version, problems };
}

/** A `.properties` block is Kafka configuration when its note is about Kafka. */
export function concernsKafka(snippet: Pick<Snippet, 'noteText' | 'code'>): boolean {
  return /kafka/i.test(snippet.noteText) || /kafka/i.test(snippet.code);
}

export const kafkaPropertiesChecker: Checker = {
  tool: 'kafka-properties',
  requires: [],
  handles: (snippet) => snippet.lang === 'properties',
  async version() {
    return `Kafka ${supportedVersions().join(' / ')} config reference`;
  },
  async check(snippet: Snippet): Promise<Outcome> {
    if (!concernsKafka(snippet)) return { status: 'n/a', reason: 'a .properties file outside a Kafka note' };
    const { version, problems } = checkKafkaProperties(snippet);
    return problems.length > 0
      ? { status: 'failed', problems, notes: [] }
      : { status: 'passed', notes: [], label: `Kafka ${version} config reference` };
  },
};
