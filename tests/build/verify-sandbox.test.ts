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
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TIMEOUT = 300_000;
const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-sandbox-test-'));
const id = `${process.pid}${Date.now() % 100_000}`;
const secret = { testDir: path.join(root, 'secret.txt'), home: path.join(os.homedir(), `verify-sandbox-secret-${id}.txt`) };
const tokens = { testDir: `TESTDIR_SECRET_${id}`, home: `HOME_SECRET_${id}`, env: `ENV_SECRET_${id}`, nginx: `NGINX_SECRET_${id}` };
const outside = {
  javaWrite: path.join(root, 'written-by-note.txt'),
  homeWrite: path.join(os.homedir(), `written-by-note-${id}.txt`),
  unit: path.join(root, 'target.service'),
  stub: path.join(root, 'stub-escape'),
  errorLog: path.join(root, 'owned-error.log'),
  accessLog: path.join(root, 'owned-access.log'),
};
const nginxSecret = path.join(root, 'secret.conf');
const sleeps = [7_000 + (Number(id) % 1000), 8_000 + (Number(id) % 1000)];
/** Climbs to `/` from any temp folder, then names `file`. */
const climb = (file: string) => `${'../'.repeat(16)}${file.slice(1)}`;

let connections = 0;
const server = net.createServer((socket) => {
  connections++;
  socket.destroy();
});

const hostileJava = (port: number) => [
  '```java title="Hostile.java"',
  'import java.net.InetSocketAddress;',
  'import java.net.Socket;',
  'import java.nio.file.Files;',
  'import java.nio.file.Path;',
  'public class Hostile {',
  '    static String read(String p) { try { return Files.readString(Path.of(p)).trim(); } catch (Exception e) { return e.getClass().getSimpleName(); } }',
  '    static String write(String p) { try { Files.writeString(Path.of(p), "owned"); return "WROTE"; } catch (Exception e) { return e.getClass().getSimpleName(); } }',
  '    public static void main(String[] args) throws Exception {',
  `        System.out.println("test-dir secret: " + read("${secret.testDir}"));`,
  `        System.out.println("home secret: " + read("${secret.home}"));`,
  '        System.out.println("shadow: " + read("/etc/shadow"));',
  `        System.out.println("project: " + (read("${repoRoot}/package.json").contains("\\"name\\"") ? "READ" : "not readable"));`,
  '        System.out.println("env: " + System.getenv("NOTES_SANDBOX_TEST_TOKEN"));',
  `        System.out.println("write test dir: " + write("${outside.javaWrite}"));`,
  `        System.out.println("write home: " + write("${outside.homeWrite}"));`,
  '        String socket;',
  `        try (Socket s = new Socket()) { s.connect(new InetSocketAddress("127.0.0.1", ${port}), 3000); socket = "CONNECTED"; } catch (Exception e) { socket = e.getClass().getSimpleName(); }`,
  '        System.out.println("socket: " + socket);',
  '        System.exit(3);',
  '    }',
  '}',
  '```',
];

const sleeperJava = [
  '```java title="Sleeper.java"',
  'public class Sleeper {',
  '    public static void main(String[] args) throws Exception {',
  `        new ProcessBuilder("sleep", "${sleeps[0]}").start();`,
  `        new ProcessBuilder("sh", "-c", "setsid sleep ${sleeps[1]} > /dev/null 2>&1 &").start();`,
  '        Thread.sleep(600_000);',
  '    }',
  '}',
  '```',
];

/** Asks for more threads, file and memory than the limits give (1024 tasks, 64 MiB files, 1 GiB for a JVM). */
const greedyJava = [
  '```java title="Greedy.java"',
  'public class Greedy {',
  '    public static void main(String[] args) throws Exception {',
  '        int threads = 0;',
  '        try {',
  '            for (; threads < 5000; threads++) {',
  '                Thread t = new Thread(null, () -> { try { Thread.sleep(600_000); } catch (InterruptedException e) { } }, "t", 64 * 1024);',
  '                t.setDaemon(true);',
  '                t.start();',
  '            }',
  '        } catch (Throwable e) { System.out.println("threads: stopped at " + threads + " by " + e); }',
  '        long written = 0;',
  '        try (var out = new java.io.FileOutputStream("big.bin")) {',
  '            for (byte[] mb = new byte[1 << 20]; written < (200L << 20); written += mb.length) out.write(mb);',
  '        } catch (Throwable e) { System.out.println("file: stopped at " + (written >> 20) + " MiB by " + e); }',
  '        System.exit(3);',
  '    }',
  '}',
  '```',
  '',
  '```java title="Hungry.java" run="-Xmx2g"',
  'public class Hungry {',
  '    public static void main(String[] args) {',
  '        java.util.List<byte[]> hold = new java.util.ArrayList<>();',
  '        for (int i = 0; i < 24; i++) hold.add(new byte[64 << 20]);',
  '        System.out.println("memory: held " + (hold.size() * 64) + " MiB");',
  '    }',
  '}',
  '```',
];

const hostileConfigs = [
  `\`\`\`systemd title="evil.conf" unit="${climb(outside.unit)}"`,
  '[Service]',
  'Restart=always',
  '```',
  '',
  '```systemd title="escape.service"',
  '[Service]',
  `ExecStart=/${climb(outside.stub)}`,
  '```',
  '',
  '```nginx context=http',
  `include ${nginxSecret};`,
  '```',
  '',
  '```nginx context=http',
  `include ${secret.home};`,
  '```',
  '',
  '```nginx context=main',
  `error_log /dev/../${outside.errorLog.slice(1)};`,
  'events {}',
  'http {',
  `    access_log /dev/../${outside.accessLog.slice(1)};`,
  '}',
  '```',
];

function writeNote(dir: string, name: string, blocks: string[]): void {
  const file = path.join(dir, 'demo', `${name}.md`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, ['---', `title: ${name}`, 'tags: [demo]', '---', '', `# ${name}`, '', ...blocks, ''].join('\n'));
}

/** `npm run verify:snippets -- --notes <dir> --no-report --timeout 5` with extra environment. */
function verify(notesDir: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'verify:snippets', '--', '--notes', notesDir, '--no-report', '--timeout', '5'], {
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

let run: { code: number | null; stdout: string; stderr: string };

beforeAll(async () => {
  fs.writeFileSync(secret.testDir, tokens.testDir);
  fs.writeFileSync(secret.home, tokens.home);
  fs.writeFileSync(nginxSecret, `${tokens.nginx} on;\n`);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const notesDir = path.join(root, 'hostile');
  writeNote(notesDir, 'code', [...hostileJava(port), '', ...sleeperJava, '', ...greedyJava]);
  writeNote(notesDir, 'configs', hostileConfigs);
  run = await verify(notesDir);
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
    expect(run.stdout).toMatch(/java Sleeper did not finish within 5s: stopped, with every process it started/);
    const left = commandLines().filter((line) => sleeps.some((seconds) => line.includes(`sleep ${seconds}`)));
    expect(left).toEqual([]);
  });

  it('holds a program to its process, file-size and memory limits', () => {
    const threads = /threads: stopped at (\d+) by java\.lang\.OutOfMemoryError: unable to create native thread/.exec(run.stdout);
    expect(threads, run.stdout).not.toBeNull();
    expect(Number(threads![1])).toBeLessThan(1024);
    expect(run.stdout).toContain('file: stopped at 64 MiB by java.io.IOException: File too large');
    expect(run.stdout).toMatch(/java -Xmx2g Hungry exited with 1:[\s\S]*There is insufficient memory for the Java Runtime Environment/);
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
    const result = await verify(notesDir, { NOTES_VERIFY_SANDBOX: 'off' });
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
