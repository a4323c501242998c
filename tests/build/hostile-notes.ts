/**
 * The hostile notes of verify-sandbox.test.ts: each block tries to get out of the verifier's sandbox.
 * Every secret and target path is unique to the run, under a fresh temp folder or the home folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-sandbox-test-'));
export const id = `${process.pid}${Date.now() % 100_000}`;
export const secret = { testDir: path.join(root, 'secret.txt'), home: path.join(os.homedir(), `verify-sandbox-secret-${id}.txt`) };
export const tokens = { testDir: `TESTDIR_SECRET_${id}`, home: `HOME_SECRET_${id}`, env: `ENV_SECRET_${id}`, nginx: `NGINX_SECRET_${id}` };
export const outside = {
  javaWrite: path.join(root, 'written-by-note.txt'),
  homeWrite: path.join(os.homedir(), `written-by-note-${id}.txt`),
  unit: path.join(root, 'target.service'),
  stub: path.join(root, 'stub-escape'),
  errorLog: path.join(root, 'owned-error.log'),
  accessLog: path.join(root, 'owned-access.log'),
};
export const nginxSecret = path.join(root, 'secret.conf');
export const sleeps = [7_000 + (Number(id) % 1000), 8_000 + (Number(id) % 1000)];
/** Climbs to `/` from any temp folder, then names `file`. */
const climb = (file: string) => `${'../'.repeat(16)}${file.slice(1)}`;

export const hostileJava = (port: number) => [
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

export const sleeperJava = [
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
export const greedyJava = [
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

export const hostileConfigs = [
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

/** Writes `<dir>/demo/<name>.md`, a note with valid front matter holding the blocks. */
export function writeNote(dir: string, name: string, blocks: string[]): void {
  const file = path.join(dir, 'demo', `${name}.md`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, ['---', `title: ${name}`, 'tags: [demo]', '---', '', `# ${name}`, '', ...blocks, ''].join('\n'));
}
