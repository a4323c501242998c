/**
 * Runs the snippet verifier (the real tools: nginx, systemd-analyze, javac…) on a folder of
 * deliberately wrong snippets, and on the real notes, which must all pass.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport } from '../../cli/verify/report.ts';
import { verifySnippets, type VerifyReport } from '../../cli/verify/verify.ts';

const TIMEOUT = 180_000;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-kb-snippets-'));
const notesDir = path.join(root, 'notes');
const noteFile = path.join(notesDir, 'demo', 'wrong.md');

/** The broken note: each entry is one block; the line of its fence is worked out when writing. */
const BLOCKS = {
  proxyPassAtHttp: ['```nginx context=http', 'proxy_pass http://10.0.0.11:8080;', '```'],
  unknownSystemdKey: [
    '```systemd title="orders.service"',
    '[Unit]',
    'Description=Orders',
    '',
    '[Service]',
    'ExecStart=/usr/bin/java -jar /opt/orders/orders.jar',
    'RestartOnCrash=yes',
    '```',
  ],
  misspelledKafkaKey: [
    '```properties title="producer.properties"',
    'bootstrap.servers=10.0.0.11:9092',
    'acks=all',
    'linger.msec=10',
    '```',
  ],
  wrongExpect: [
    '```java title="NoOom.java" run="-Xmx64m" expect="java.lang.OutOfMemoryError: Java heap space"',
    'public class NoOom {',
    '    public static void main(String[] args) {',
    '        byte[] small = new byte[1024];',
    '        System.out.println("allocated " + small.length + " bytes");',
    '    }',
    '}',
    '```',
  ],
  skipWithoutReason: ['```java title="Later.java" verify=skip', 'public class Later {}', '```'],
  goodNginx: ['```nginx context=location', 'proxy_buffering off;', '```'],
} as const;

const fenceLine: Record<string, number> = {};
let report: VerifyReport;
let output: string;

beforeAll(async () => {
  const lines = ['---', 'title: 错误示例', 'tags: [kafka]', '---', '', '# Kafka 3.9 的错误示例', ''];
  for (const [name, block] of Object.entries(BLOCKS)) {
    fenceLine[name] = lines.length + 1;
    lines.push(...block, '');
  }
  fs.mkdirSync(path.dirname(noteFile), { recursive: true });
  fs.writeFileSync(noteFile, lines.join('\n'));
  report = await verifySnippets({ notesDir, log: () => {} });
  output = formatReport(report);
}, TIMEOUT);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The report line for a problem at `line` (relative to the fence), from `tool`. */
function reported(tool: string, line: number): string {
  const prefix = `${noteFile}:${line}  ${tool}  `;
  const found = output.split('\n').find((l) => l.includes(prefix));
  expect(found, `no "${prefix}" in:\n${output}`).toBeDefined();
  return found!;
}

describe('verify:snippets on wrong snippets', () => {
  it('reports an nginx directive in the wrong context with nginx -t’s own message', () => {
    expect(reported('nginx', fenceLine['proxyPassAtHttp']! + 1)).toMatch(/\[emerg\] "proxy_pass" directive is not allowed here/);
  });

  it('reports an unknown systemd directive with systemd-analyze’s message', () => {
    expect(reported('systemd', fenceLine['unknownSystemdKey']! + 6)).toMatch(/Unknown key 'RestartOnCrash' in section \[Service\]/);
  });

  it('reports a misspelled Kafka key against the version’s config list', () => {
    expect(reported('kafka-properties', fenceLine['misspelledKafkaKey']! + 3)).toMatch(
      /unknown key "linger\.msec" in Kafka 3\.9 producer configs \(did you mean "linger\.ms"\?\)/,
    );
  });

  it('reports a Java program whose output does not contain its expect=', () => {
    expect(reported('java', fenceLine['wrongExpect']!)).toMatch(/expected the output to contain "java\.lang\.OutOfMemoryError: Java heap space", got:/);
    expect(output).toContain('allocated 1024 bytes');
  });

  it('refuses verify=skip without a reason', () => {
    expect(reported('java', fenceLine['skipWithoutReason']!)).toMatch(/verify=skip needs reason="…"/);
  });

  it('lists every failure in one run, still passes the good block, and counts per tool', () => {
    expect(report.failed).toBe(5);
    const good = report.results.find((result) => result.line === fenceLine['goodNginx']);
    expect(good?.status).toBe('passed');
    expect(good?.verifiedWith).toMatch(/^nginx \d/);
    expect(output).toMatch(/Summary:\n\s+tool\s+version\s+checked\s+passed\s+failed\s+skipped\s+n\/a/);
    expect(output).toMatch(/\n\s+nginx\s+nginx \S+\s+2\s+1\s+1\s+0\s+0\n/);
    expect(output).toContain('5 blocks failed.');
  });

  it('exits 1 from `npm run verify:snippets -- --notes <dir>` and writes no badge file for a foreign folder', () => {
    const run = spawnSync('npm', ['run', '--silent', 'verify:snippets', '--', '--notes', notesDir], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: TIMEOUT - 10_000,
    });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain(`demo/wrong.md:${fenceLine['proxyPassAtHttp']! + 1}  nginx  [emerg] "proxy_pass" directive is not allowed here`);
    expect(run.stdout).not.toContain('wrote ');
  }, TIMEOUT);
});

describe('verify:snippets on the real notes', () => {
  it('passes every block of content/notes, the Java demos included, inside the sandbox', async () => {
    const real = await verifySnippets({ notesDir: path.join(repoRoot, 'content', 'notes'), log: () => {} });
    // Without bubblewrap the Java demos would be reported as not run: this machine and CI must have it.
    expect(real.sandbox, formatReport(real)).toMatchObject({ active: true });
    expect(real.failed, formatReport(real)).toBe(0);
    expect(real.results.filter((result) => result.tool === 'java' && result.status === 'passed').length).toBeGreaterThanOrEqual(5);
    expect(real.results.filter((result) => result.status === 'passed').length).toBeGreaterThan(50);
  }, TIMEOUT);
});
