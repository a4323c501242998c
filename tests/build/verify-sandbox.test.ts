/**
 * The snippet verifier on hostile notes, through `npm run verify:snippets` as a user runs it: code
 * that reads secrets, writes outside its folder, opens a socket, leaves sleepers behind, and configs
 * whose names and paths point outside the temp folder. Each achieves nothing, which is asserted on
 * the file system, the socket server and the process table afterwards, and the report says what
 * failed or was refused. Then the same kind of note with the sandbox turned off: nothing is run.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { greedyJava, hostileConfigs, hostileJava, nginxSecret, outside, repoRoot, root, secret, sleeperJava, sleeps, tokens, writeNote } from './hostile-notes.ts';

const TIMEOUT = 300_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let connections = 0;
const server = net.createServer((socket) => {
  connections++;
  socket.destroy();
});

/** `npm run verify:snippets -- --notes <dir> --no-report [more arguments]` with extra environment. */
function verify(notesDir: string, more: string[] = [], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'verify:snippets', '--', '--notes', notesDir, '--no-report', ...more], {
      cwd: repoRoot,
      env: { ...process.env, NOTES_SANDBOX_TEST_TOKEN: tokens.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Command lines of every process on the machine. */
function commandLines(): string[] {
  return fs.readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      return [fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim()];
    } catch {
      return [];
    }
  });
}

let run: Run;
/** The sleeper alone, with a 5 s timeout (the other programs keep the default 60 s: a busy machine is slow). */
let sleeperRun: Run;

beforeAll(async () => {
  fs.writeFileSync(secret.testDir, tokens.testDir);
  fs.writeFileSync(secret.home, tokens.home);
  fs.writeFileSync(nginxSecret, `${tokens.nginx} on;\n`);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const notesDir = path.join(root, 'hostile');
  writeNote(notesDir, 'code', [...hostileJava(port), '', ...greedyJava]);
  writeNote(notesDir, 'configs', hostileConfigs);
  run = await verify(notesDir);
  const sleeperDir = path.join(root, 'sleeper');
  writeNote(sleeperDir, 'sleeper', sleeperJava);
  sleeperRun = await verify(sleeperDir, ['--timeout', '5']);
}, TIMEOUT);

afterAll(() => {
  server.close();
  for (const file of [secret.home, outside.homeWrite]) fs.rmSync(file, { force: true });
  fs.rmSync(root, { recursive: true, force: true });
});

describe('verify:snippets in its sandbox, on hostile notes', () => {
  it('says at the start that the sandbox is active', () => {
    expect(run.stderr).toMatch(/^Sandbox: active \(bubblewrap [\d.]+: uid 65534/m);
  });

  it('lets code read no secret: not the test folder, the home folder, /etc/shadow, the project, the environment', () => {
    const all = run.stdout + run.stderr;
    for (const token of Object.values(tokens)) expect(all).not.toContain(token);
    expect(run.stdout).toMatch(/test-dir secret: NoSuchFileException/);
    expect(run.stdout).toMatch(/home secret: NoSuchFileException/);
    expect(run.stdout).toMatch(/shadow: AccessDeniedException/);
    expect(run.stdout).toContain('project: not readable');
    expect(run.stdout).toContain('env: null');
  });

  it('lets code write nowhere outside its folder and reach no server', () => {
    expect(run.stdout).toMatch(/write test dir: \w+Exception/);
    expect(run.stdout).toMatch(/write home: \w+Exception/);
    expect(fs.existsSync(outside.javaWrite)).toBe(false);
    expect(fs.existsSync(outside.homeWrite)).toBe(false);
    expect(run.stdout).toMatch(/socket: \w+Exception/);
    expect(connections).toBe(0);
  });

  it('stops a program at the timeout together with every process it started', () => {
    expect(sleeperRun.stdout).toMatch(/java Sleeper did not finish within 5s: stopped, with every process it started/);
    const left = commandLines().filter((line) => sleeps.some((seconds) => line.includes(`sleep ${seconds}`)));
    expect(left).toEqual([]);
  });

  it('holds a program to its process, file-size and memory limits', () => {
    const threads = /threads: stopped at (\d+) by java\.lang\.OutOfMemoryError: unable to create native thread/.exec(run.stdout);
    expect(threads, run.stdout).not.toBeNull();
    expect(Number(threads![1])).toBeLessThan(1024);
    expect(run.stdout).toContain('file: stopped at 64 MiB by java.io.IOException: File too large');
    expect(run.stdout, run.stdout).toMatch(/java -Xmx2g Hungry exited with 1:[\s\S]*There is insufficient memory for the Java Runtime Environment/);
    expect(run.stdout).not.toContain('memory: held');
  });

  it('refuses a unit= path that climbs out of the temp folder, and writes no stub outside it', () => {
    expect(run.stdout).toMatch(/configs\.md:\d+ {2}systemd {2}unit="(\.\.\/)+.*target\.service" is a path that climbs out of its folder/);
    expect(fs.existsSync(outside.unit)).toBe(false);
    expect(fs.existsSync(`${outside.unit}.d`)).toBe(false);
    expect(fs.existsSync(outside.stub)).toBe(false);
  });

  it('shows nginx no file outside the sandbox and sends /dev/.. logs to the temp folder', () => {
    expect(run.stdout).toContain(`open() "${nginxSecret}" failed (2: No such file or directory)`);
    expect(run.stdout).toContain(`open() "${secret.home}" failed (2: No such file or directory)`);
    expect(fs.existsSync(outside.errorLog)).toBe(false);
    expect(fs.existsSync(outside.accessLog)).toBe(false);
    expect(run.code).toBe(1);
  });
});

describe('verify:snippets without a sandbox', () => {
  it('runs no code and no config tool, says why, and still runs the syntax-only checks', async () => {
    const notesDir = path.join(root, 'no-sandbox');
    const marker = path.join(root, 'ran-without-sandbox.txt');
    writeNote(notesDir, 'mixed', [
      '```java title="Marker.java"',
      'public class Marker {',
      `    public static void main(String[] args) throws Exception { java.nio.file.Files.writeString(java.nio.file.Path.of("${marker}"), "ran"); }`,
      '}',
      '```',
      '',
      '```nginx context=http',
      `include ${nginxSecret};`,
      '```',
      '',
      '```java title="Broken.java"',
      'public class Broken { void f() { int x = "text"; } }',
      '```',
      '',
      '```console',
      '$ echo "unclosed',
      '```',
    ]);
    const result = await verify(notesDir, [], { NOTES_VERIFY_SANDBOX: 'off' });
    expect(result.stderr).toMatch(/^Sandbox: NONE \(turned off by NOTES_VERIFY_SANDBOX=off\)\. Code is not run/m);
    expect(fs.existsSync(marker)).toBe(false);
    expect(result.stdout).toMatch(/mixed\.md:\d+ {2}java {2}not run: no sandbox \(turned off by NOTES_VERIFY_SANDBOX=off; install bubblewrap\)/);
    expect(result.stdout).toMatch(/mixed\.md:\d+ {2}nginx {2}not run: no sandbox/);
    expect(result.stdout).not.toContain(tokens.nginx);
    // javac and bash -n only parse: they still run, and still find the mistakes.
    expect(result.stdout).toMatch(/mixed\.md:\d+ {2}java {2}error: incompatible types: String cannot be converted to int/);
    expect(result.stdout).toMatch(/mixed\.md:\d+ {2}console {2}bash -n: .*unexpected EOF/);
    expect(result.code).toBe(1);
  }, TIMEOUT);
});
