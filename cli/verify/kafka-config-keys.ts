import fs from 'node:fs';
import path from 'node:path';

/**
 * The documented Kafka configs, per version and scope, from kafka-config-keys.json (built from the
 * Apache Kafka configuration reference); kafka-properties.ts checks snippets against them.
 */

export type Scope = 'broker' | 'topic' | 'producer' | 'consumer' | 'connect' | 'admin';

export interface KeySpec {
  type: string;
  min?: number;
  max?: number;
  values?: string[];
  ignoreCase?: boolean;
  pattern?: string;
}

type ScopeTable = Partial<Record<Scope, Record<string, KeySpec>>>;

interface KeyFile {
  source: string;
  versions: Record<string, { base?: string; removed?: string[]; added?: ScopeTable; changed?: ScopeTable }>;
  scopes: ScopeTable;
}

const KEY_FILE = path.join(import.meta.dirname, 'kafka-config-keys.json');
let loaded: KeyFile | undefined;

function keyFile(): KeyFile {
  loaded ??= JSON.parse(fs.readFileSync(KEY_FILE, 'utf8')) as KeyFile;
  return loaded;
}

export function supportedVersions(): string[] {
  return Object.keys(keyFile().versions);
}

/** The documented configs of one Kafka version, per scope. */
export function keysFor(version: string): Map<Scope, Map<string, KeySpec>> {
  const file = keyFile();
  const entry = file.versions[version];
  if (!entry) throw new Error(`no Kafka config list for version ${version}`);
  const tables = new Map<Scope, Map<string, KeySpec>>();
  if (entry.base) {
    for (const [scope, keys] of keysFor(entry.base)) tables.set(scope, new Map(keys));
  } else {
    for (const [scope, keys] of Object.entries(file.scopes)) tables.set(scope as Scope, new Map(Object.entries(keys)));
  }
  for (const key of entry.removed ?? []) for (const keys of tables.values()) keys.delete(key);
  for (const change of [entry.added, entry.changed]) {
    for (const [scope, keys] of Object.entries(change ?? {})) {
      const table = tables.get(scope as Scope) ?? new Map<string, KeySpec>();
      for (const [key, spec] of Object.entries(keys)) table.set(key, spec);
      tables.set(scope as Scope, table);
    }
  }
  return tables;
}

/** The spec of a key in a table, looking through the documented prefixes (`listener.name.x.`, Connect's `producer.`). */
export function lookUp(tables: Map<Scope, Map<string, KeySpec>>, scopes: Scope[], key: string): KeySpec | undefined {
  for (const scope of scopes) {
    const table = tables.get(scope);
    const direct = table?.get(key);
    if (direct) return direct;
    const listener = /^listener\.name\.[^.]+\.(.+)$/.exec(key);
    if (scope === 'broker' && listener) {
      const rest = listener[1]!;
      // `listener.name.sasl_ssl.plain.sasl.jaas.config`: a SASL mechanism may come first.
      const spec = table?.get(rest) ?? table?.get(rest.replace(/^[^.]+\./, ''));
      if (spec) return spec;
    }
    const client = /^(producer|consumer|admin)\.(?:override\.)?(.+)$/.exec(key);
    if (scope === 'connect' && client) {
      const spec = tables.get(client[1] as Scope)?.get(client[2]!);
      if (spec) return spec;
    }
  }
  return undefined;
}
