import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArguments } from '../../cli/verify/index.ts';
import { mainClass } from '../../cli/verify/java.ts';
import { kafkaVersion, parseProperties, scopeOf, valueProblem } from '../../cli/verify/kafka-properties.ts';
import { safeFileName } from '../../cli/verify/names.ts';
import { detectContext, rewriteForCheck, unprivilegedPorts, wrapNginx } from '../../cli/verify/nginx-config.ts';
import { sessionCommands } from '../../cli/verify/shell.ts';
import { mapForCheck } from '../../cli/verify/supervisord.ts';
import { stubExecutables, unitLayout } from '../../cli/verify/systemd.ts';
import type { Snippet } from '../../cli/verify/types.ts';
import { extractSnippets } from '../../cli/verify/verify.ts';
import { parseFenceMeta } from '../../src/integrations/code-blocks/fence-meta';
import { snippetHash } from '../../src/integrations/code-blocks/verified';
import { frontMatter, removeDir, writeNotes } from '../support/content';

const made: string[] = [];
afterAll(() => made.forEach(removeDir));

function snippet(lang: string, code: string, meta = '', noteText = ''): Snippet {
  return { file: '/notes/x.md', line: 10, lang, rawLang: lang, meta: parseFenceMeta(meta), code, noteText };
}

describe('extraction', () => {
  const dir = writeNotes({
    'nginx/proxy.md': [
      frontMatter('代理', ['tags: [nginx]']),
      '# 代理',
      '',
      '```nginx title="app.conf" context=server {2}',
      'location / {',
      '    proxy_pass http://app;',
      '}',
      '```',
      '',
      '```java title="Demo.java" run="-Xmx16m -Xss256k" expect="java.lang.OutOfMemoryError: Java heap space"',
      'public class Demo {}',
      '```',
      '',
      '```Console',
      '$ ls',
      '```',
      '',
      '```java verify=skip reason="needs kafka-clients on the classpath"',
      'import org.apache.kafka.clients.producer.KafkaProducer;',
      '```',
      '',
    ].join('\n'),
  });
  made.push(dir);
  const snippets = extractSnippets(dir);

  it('gives every fenced block with the line of its opening fence in the file', () => {
    expect(snippets.map((s) => [s.lang, s.line])).toEqual([
      ['nginx', 8],
      ['java', 14],
      ['console', 18],
      ['java', 22],
    ]);
    expect(snippets[0]!.code).toBe('location / {\n    proxy_pass http://app;\n}');
    expect(snippets[0]!.file.endsWith('nginx/proxy.md')).toBe(true);
  });

  it('parses the fence meta: title, context, run, expect, verify=skip reason', () => {
    expect(snippets[0]!.meta.title).toBe('app.conf');
    expect(snippets[0]!.meta.attributes['context']).toBe('server');
    expect(snippets[0]!.meta.highlight).toEqual([2]);
    expect(snippets[1]!.meta.attributes['run']).toBe('-Xmx16m -Xss256k');
    expect(snippets[1]!.meta.attributes['expect']).toBe('java.lang.OutOfMemoryError: Java heap space');
    expect(snippets[3]!.meta.attributes['verify']).toBe('skip');
    expect(snippets[3]!.meta.attributes['reason']).toBe('needs kafka-clients on the classpath');
  });

  it('lowercases the language for dispatch but hashes it as written, like the page does', () => {
    expect(snippets[2]!.lang).toBe('console');
    expect(snippets[2]!.rawLang).toBe('Console');
    expect(snippetHash('Console', '$ ls')).toBe(createHash('sha256').update('Console\n$ ls').digest('hex'));
  });

  it('keeps the note text for checks that depend on the subject', () => {
    expect(snippets[0]!.noteText).toContain('title: 代理');
  });
});

describe('nginx context detection', () => {
  it.each([
    ['server {\n    listen 80;\n}', 'http'],
    ['# a comment first\n\nserver {\n}', 'http'],
    ['http {\n}', 'main'],
    ['events {\n    worker_connections 512;\n}', 'main'],
    ['worker_processes auto;', 'main'],
    ['upstream app {\n    server 10.0.0.1;\n}', 'http'],
    ['map $http_upgrade $connection_upgrade {\n}', 'http'],
    ["log_format trace '$remote_addr';", 'http'],
    ['location /api/ {\n    proxy_pass http://app;\n}', 'server'],
    ['proxy_buffering off;', 'location'],
    ['proxy_pass http://10.0.0.1:8080;\nproxy_set_header Host $host;', 'location'],
  ])('%j → %s', (code, context) => {
    expect(detectContext(code)).toBe(context);
  });
});

describe('nginx wrapping', () => {
  const code = 'proxy_buffer_size 16k;\nproxy_buffers 32 16k;';
  const lineOf = (config: string, text: string) => config.split('\n').indexOf(text) + 1;

  it('puts a location snippet inside http { server { location / { … } } }', () => {
    const { config, offset } = wrapNginx(code, 'location', '/tmp/x');
    expect(config).toMatch(/events \{\}\nhttp \{\n.*proxy_temp_path \/tmp\/x\/temp\/proxy;.*\nserver \{\nlocation \/ \{\nproxy_buffer_size 16k;\nproxy_buffers 32 16k;\n\}\n\}\n\}\n$/);
    expect(config).toContain('pid /tmp/x/nginx.pid;');
    expect(lineOf(config, 'proxy_buffer_size 16k;')).toBe(offset + 1);
  });

  it('puts a server snippet inside http { server { … } } and an http snippet inside http { … }', () => {
    const server = wrapNginx('listen 80;', 'server', '/tmp/x');
    expect(server.config).toMatch(/http \{\n.*\nserver \{\nlisten 80;\n\}\n\}\n$/);
    expect(lineOf(server.config, 'listen 80;')).toBe(server.offset + 1);
    const http = wrapNginx('server {\n}', 'http', '/tmp/x');
    expect(http.config).toMatch(/http \{\n.*\nserver \{\n\}\n\}\n$/);
    expect(http.config).not.toMatch(/server \{\nserver/);
    expect(lineOf(http.config, 'server {')).toBe(http.offset + 1);
  });

  it('leaves a main snippet as it is, adding only what is missing, without moving its lines', () => {
    const main = 'events {\n}\nhttp {\n    server {\n    }\n}';
    const { config, offset } = wrapNginx(main, 'main', '/tmp/x');
    expect(config.match(/events/g)).toHaveLength(1);
    expect(config).toMatch(/^http \{ client_body_temp_path/m);
    expect(config.split('\n').slice(offset, offset + 6).map((l) => l.split(' client_body')[0])).toEqual(main.split('\n'));
    expect(wrapNginx('pid /run/x.pid;\nevents {}', 'main', '/tmp/x').config.match(/^pid/gm)).toHaveLength(1);
  });

  it('resolves backend host names to loopback, keeps IPs, upstream names and variables, line for line', () => {
    const code = [
      'upstream app_backend {',
      '    server backend-1.internal:8080 max_fails=3;',
      '    server 10.0.0.12:8080;',
      '}',
      'server {',
      '    server_name app.example.com;',
      '    location / { proxy_pass http://app_backend; }',
      '    location /a/ { proxy_pass http://auth.internal:9000/; }',
      '    location /b/ { proxy_pass http://$backend; }',
      '    ssl_certificate     /etc/nginx/tls/app.pem;',
      '    ssl_certificate_key /etc/nginx/tls/app.key;',
      '    access_log /var/log/nginx/app.log main;',
      '}',
    ].join('\n');
    const { code: out, notes } = rewriteForCheck(code, { dir: '/tmp/x', cert: '/tmp/c.pem', key: '/tmp/k.pem' });
    const lines = out.split('\n');
    expect(lines).toHaveLength(13);
    expect(lines[1]).toBe('    server 127.0.0.1:8080 max_fails=3;');
    expect(lines[2]).toBe('    server 10.0.0.12:8080;');
    expect(lines[5]).toBe('    server_name app.example.com;');
    expect(lines[6]).toContain('proxy_pass http://app_backend;');
    expect(lines[7]).toContain('proxy_pass http://127.0.0.1:9000/;');
    expect(lines[8]).toContain('proxy_pass http://$backend;');
    expect(lines[9]).toBe('    ssl_certificate     /tmp/c.pem;');
    expect(lines[10]).toBe('    ssl_certificate_key /tmp/k.pem;');
    expect(lines[11]).toBe('    access_log /tmp/x/logs/app.log main;');
    expect(notes.join('\n')).toContain('backend-1.internal, auth.internal');
  });

  it('sends a log path that only pretends to be a device (/dev/../x) to the temp dir, keeps real devices', () => {
    const files = { dir: '/tmp/x', cert: '/tmp/c.pem', key: '/tmp/k.pem' };
    expect(rewriteForCheck('error_log /dev/../tmp/owned.log;', files).code).toBe('error_log /tmp/x/logs/owned.log;');
    expect(rewriteForCheck('access_log /dev/stdout;', files).code).toBe('access_log /dev/stdout;');
  });

  it('moves ports below 1024 up by 10000 the same way everywhere, line for line, and says so', () => {
    const code = [
      'listen 80;',
      '    listen [::]:80 default_server;',
      '    listen 443 ssl http2;',
      'server { listen 127.0.0.1; server_name a; }',
      '    listen 8080;',
      '    listen unix:/run/app.sock;',
      '    # listen 80;',
    ].join('\n');
    const { code: out, notes } = unprivilegedPorts(code);
    expect(out.split('\n')).toEqual([
      'listen 10080;',
      '    listen [::]:10080 default_server;',
      '    listen 10443 ssl http2;',
      'server { listen 127.0.0.1:10080; server_name a; }',
      '    listen 8080;',
      '    listen unix:/run/app.sock;',
      '    # listen 80;',
    ]);
    expect(notes).toEqual(['ports below 1024 moved up for the unprivileged check: 80 → 10080, 443 → 10443']);
  });

  it('finds upstream members written on one line, and leaves quoted braces alone', () => {
    const files = { dir: '/tmp/x', cert: '/tmp/c.pem', key: '/tmp/k.pem' };
    expect(rewriteForCheck('upstream api { server api.internal:8080; server 10.0.0.1; }', files).code).toBe(
      'upstream api { server 127.0.0.1:8080; server 10.0.0.1; }',
    );
    const quoted = "log_format a '{server x}';\nserver { server_name a.example.com; } # server b;";
    expect(rewriteForCheck(quoted, files).code).toBe(quoted);
  });
});

describe('systemd layout', () => {
  it('writes a unit under its title and a drop-in next to a minimal base unit', () => {
    expect(unitLayout(snippet('systemd', '[Service]\nExecStart=/bin/true', 'title="orders.service"'))).toEqual({ unit: 'orders.service' });
    expect(
      unitLayout(snippet('systemd', '# /etc/systemd/system/nginx.service.d/restart.conf\n[Service]\nRestart=on-failure', 'title="restart.conf"')),
    ).toEqual({ unit: 'nginx.service', dropIn: { dir: 'nginx.service.d', file: 'restart.conf' } });
    expect(
      unitLayout(snippet('systemd', '# /etc/systemd/system/kafka-consumer@3.service.d/override.conf\n[Service]', 'title="override.conf"')),
    ).toEqual({ unit: 'kafka-consumer@.service', dropIn: { dir: 'kafka-consumer@.service.d', file: 'override.conf' } });
    expect(unitLayout(snippet('systemd', '[Unit]\nDescription=x\n[Service]\nExecStart=/bin/true'))).toEqual({ unit: 'snippet.service' });
  });

  it('reduces titles and unit= to file names, and refuses a path that climbs out with ..', () => {
    expect(unitLayout(snippet('systemd', '[Service]', 'title="/etc/systemd/system/orders.service"'))).toEqual({ unit: 'orders.service' });
    expect(unitLayout(snippet('systemd', '[Service]', 'title="x.conf" unit="../../../../tmp/x/target.service"'))).toEqual({
      error: 'unit="../../../../tmp/x/target.service" is a path that climbs out of its folder (".."): give a plain file name',
    });
    expect(unitLayout(snippet('systemd', '[Service]', 'title="../../evil.service"'))).toHaveProperty('error');
    expect(unitLayout(snippet('systemd', '[Service]', 'title="x.conf" unit="notaunit"'))).toHaveProperty('error');
  });

  it('stubs Exec*= programs, keeping prefixes, arguments and every other line', () => {
    const { code, stubs } = stubExecutables('[Service]\nExecStart=-/usr/bin/java -jar app.jar\nExecStop=/bin/kill $MAINPID\nUser=app', '/tmp/s');
    expect(code).toBe('[Service]\nExecStart=-/tmp/s/usr/bin/java -jar app.jar\nExecStop=/tmp/s/bin/kill $MAINPID\nUser=app');
    expect(stubs).toEqual(['/usr/bin/java', '/bin/kill']);
  });

  it('keeps every stub inside the stub folder, whatever .. the program path has', () => {
    const { code, stubs } = stubExecutables('[Service]\nExecStart=/../../../../tmp/x/evil --flag', '/tmp/s');
    expect(code).toBe('[Service]\nExecStart=/tmp/s/tmp/x/evil --flag');
    expect(stubs).toEqual(['/tmp/x/evil']);
  });
});

describe('names from notes', () => {
  it('keeps plain file names and the last segment of a path', () => {
    expect(safeFileName('orders@.service', 'title')).toEqual({ name: 'orders@.service' });
    expect(safeFileName('dev-disk-by\\x2duuid.mount', 'title')).toEqual({ name: 'dev-disk-by\\x2duuid.mount' });
    expect(safeFileName('/etc/nginx/conf.d/app.conf', 'title')).toEqual({ name: 'app.conf' });
  });

  it('refuses .., empty names, option-like names and odd characters', () => {
    for (const value of ['../x.service', 'a/../../b', '..', '', '/', '-x.service', 'a b.service', 'a;b']) {
      expect(safeFileName(value, 'unit'), value).toHaveProperty('error');
    }
  });

  it('takes a Java class name from the code, else from a plain title', () => {
    expect(mainClass('public class Demo {}', '../../Other.java')).toEqual({ name: 'Demo', pkg: undefined });
    expect(mainClass('@Deprecated class X {}', '../../Other.java')).toHaveProperty('error');
    expect(mainClass('-Xmx16m', 'Flags.java')).toBeUndefined();
  });
});

describe('supervisord mapping', () => {
  it('maps missing users and log directories, and says so', () => {
    const { code, notes } = mapForCheck(
      '[program:a]\nuser=no-such-user\nstdout_logfile=/no/such/dir/%(program_name)s.log\nstderr_logfile=AUTO',
      '/tmp/logs',
      () => false,
    );
    const lines = code.split('\n');
    expect(lines[1]).not.toContain('no-such-user');
    expect(lines[2]).toBe('stdout_logfile=/tmp/logs/%(program_name)s.log');
    expect(lines[3]).toBe('stderr_logfile=AUTO');
    expect(notes.join('\n')).toMatch(/no-such-user[\s\S]*\/no\/such\/dir/);
  });

  it('moves every absolute log and pid file into the temp dir, existing or not', () => {
    const { code } = mapForCheck('[supervisord]\nlogfile=/var/log/supervisor/supervisord.log\nchildlogdir=/var/log/supervisor', '/tmp/logs', () => true);
    expect(code).toBe('[supervisord]\nlogfile=/tmp/logs/supervisord.log\nchildlogdir=/tmp/logs');
  });
});

describe('command line', () => {
  it('reads --notes, --no-report and --timeout with node:util parseArgs', () => {
    const args = parseArguments(['--notes', '/tmp/n', '--no-report', '--timeout', '5']);
    expect(args).toMatchObject({ notesDir: '/tmp/n', reportFile: undefined, install: true, runTimeoutMs: 5000 });
    expect(() => parseArguments(['--timeout', 'soon'])).toThrow(/--timeout soon/);
    expect(() => parseArguments(['--frobnicate'])).toThrow();
  });
});

describe('shell sessions', () => {
  it('keeps `$ ` command lines with their continuations and here-documents, drops output', () => {
    const commands = sessionCommands(['$ ls \\', '  -l', 'total 0', '$ cat <<EOF', 'a', 'EOF', 'output', '$ echo $?', '3'].join('\n'));
    expect(commands).toEqual([
      { text: 'ls \\\n  -l', line: 1 },
      { text: 'cat <<EOF\na\nEOF', line: 4 },
      { text: 'echo $?', line: 8 },
    ]);
  });
});

describe('Kafka properties', () => {
  it('parses java.util.Properties syntax with line numbers', () => {
    expect(parseProperties('# c\n! c\n\na=1\nb : two\nc three\nlong=x,\\\n  y\nd=')).toEqual([
      { key: 'a', value: '1', line: 4 },
      { key: 'b', value: 'two', line: 5 },
      { key: 'c', value: 'three', line: 6 },
      { key: 'long', value: 'x,y', line: 7 },
      { key: 'd', value: '', line: 9 },
    ]);
  });

  it('checks values against the documented type', () => {
    expect(valueProblem({ type: 'long' }, '60000')).toBeUndefined();
    expect(valueProblem({ type: 'int' }, '10ms')).toMatch(/not a whole number/);
    expect(valueProblem({ type: 'int' }, '4294967296')).toMatch(/does not fit/);
    expect(valueProblem({ type: 'boolean' }, 'TRUE')).toBeUndefined();
    expect(valueProblem({ type: 'boolean' }, 'yes')).toMatch(/true or false/);
    expect(valueProblem({ type: 'string', values: ['all', '-1', '0', '1'] }, '2')).toMatch(/not one of/);
    expect(valueProblem({ type: 'list', values: ['compact', 'delete'] }, 'compact,delete')).toBeUndefined();
    expect(valueProblem({ type: 'int', min: 14 }, '10')).toMatch(/at least 14/);
  });

  it('takes the scope from the file name and the version from the nearest mention', () => {
    expect(scopeOf('producer.properties')).toBe('producer');
    expect(scopeOf('server.properties')).toBe('broker');
    expect(scopeOf(undefined)).toBeUndefined();
    const note = 'Kafka 4.0 removed ZooKeeper.\n\nThis file is for Kafka 3.9:\n\n```properties\na=1\n```\n';
    expect(kafkaVersion({ ...snippet('properties', 'a=1'), line: 5, noteText: note })).toBe('3.9');
    expect(kafkaVersion({ ...snippet('properties', 'a=1', 'kafka=4.0'), line: 5, noteText: note })).toBe('4.0');
  });
});
