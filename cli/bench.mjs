// Build benchmark: generates N synthetic notes, builds them, reports time, memory and output sizes.
// Usage: npm run bench [-- N]   (or BENCH_NOTES=N; BENCH_KEEP=1 keeps the temp folders)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { timeHighlighting } from './bench-highlight.mjs';

const root = fileURLToPath(new URL('..', import.meta.url)); // npm runs us from anywhere; the build runs here
const arg = process.argv[2] ?? process.env.BENCH_NOTES ?? '1000';
const count = Number(arg);
if (!Number.isInteger(count) || count < 1) throw new Error(`bench: the note count must be a positive integer, got "${arg}"`);

// Seeded PRNG (mulberry32): the same N always yields the same corpus, so runs are comparable.
let seed = 0x5eed;
function rand() {
  let t = (seed = (seed + 0x6d2b79f5) | 0);
  t = Math.imul(t ^ (t >>> 15), 1 | t);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (list) => list[Math.floor(rand() * list.length)];
const sample = (list, k, rest = [...list]) =>
  Array.from({ length: Math.min(k, rest.length) }, () => rest.splice(Math.floor(rand() * rest.length), 1)[0]);

// id|name|description|tag of the topic's hub
const TOPICS = ['messaging|消息队列|分区、副本、消费组与消息投递语义的实践记录。|kafka', 'web-serving|Web 服务|反向代理、负载均衡、缓存与 TLS 配置。|nginx',
  'jvm-tuning|JVM 调优|堆内存、垃圾回收、线程与类加载的诊断方法。|jvm', 'process-ops|进程守护|用 supervisord 和 systemd 管理长期运行的服务。|supervisord',
  'observability|可观测性|日志、指标与链路追踪的落地经验。|metrics'].map((row) => row.split('|'));
const TAGS = ['kafka:Kafka', 'rabbitmq:RabbitMQ', 'nginx:Nginx', 'tls:TLS', 'cache:缓存', 'jvm:JVM', 'gc:垃圾回收', 'threads:线程',
  'supervisord:supervisord', 'systemd:systemd', 'logging:日志', 'metrics:指标', 'tracing:链路追踪', 'deploy:部署', 'performance:性能',
  'troubleshooting:故障排查', 'security:安全', 'linux:Linux', 'java:Java', 'capacity:容量规划'].map((entry) => entry.split(':'));
const SUBJECTS = ['消费者重平衡', '分区副本同步', '连接池耗尽', '慢请求定位', '滚动发布', '进程自动拉起', '堆外内存泄漏', 'Full GC 频繁', '上游超时重试',
  '日志轮转', '证书续期', '线程池饱和', '磁盘水位告警', '限流与熔断', '配置热加载', '灰度流量切换', '冷启动预热', '优雅停机', '采样率调整', '背压处理'];
const H2 = ['背景与动机', '架构概览', '核心概念', '配置要点', '部署步骤', '性能调优', '故障排查', '监控指标', '容量规划',
  '安全加固', '常见问题', '最佳实践'];
// One sentence per `。`; {svc} {port} {n} {ms} are filled per use so paragraphs rarely repeat verbatim.
const SENTENCES = `
{svc} 在高峰期的 P99 延迟从 {ms} 毫秒上升到了原来的三倍，排查后发现是连接池配置过小。我们把 {svc} 的工作线程数调整为 CPU 核数的 {n} 倍，吞吐量明显提升。进程异常退出后，supervisord 会在 {n} 秒内自动拉起，但频繁重启本身就是需要告警的信号。
反向代理层开启了 keepalive，上游连接复用率达到了百分之九十以上。垃圾回收日志显示老年代占用持续增长，说明存在对象被长期引用的问题。为了避免单点故障，{svc} 至少部署在 {n} 个可用区。
监听端口 {port} 只对内网开放，外部流量全部经过网关转发。发布前先在预发环境回放一小时的真实流量，确认没有回归。消费组的再均衡会暂停所有分区的消费，因此会话超时不宜设置得过短。
日志按天切分并保留 {n} 天，超过期限的文件由定时任务清理。当磁盘使用率超过百分之八十五时，告警系统会通知值班同学。这里的重试策略采用指数退避，初始间隔为 {ms} 毫秒，最多重试 {n} 次。
堆内存设置过大并不总是好事，停顿时间可能随之变长。我们用分布式追踪把一次请求在 {n} 个服务之间的调用链串联起来。配置文件放在版本库中统一管理，任何修改都需要经过评审。
健康检查每 {n} 秒执行一次，连续三次失败才会把实例摘除。线程转储显示大量线程阻塞在同一把锁上，这是典型的锁竞争问题。缓存命中率下降往往意味着键的分布发生了变化，而不是缓存本身出了故障。
{svc} 的启动时间约为 {n} 秒，其中大部分花在类加载和预热上。优雅停机要求进程先停止接收新请求，再等待正在处理的请求完成。证书到期前 {n} 天会自动续期，并通过平滑重载生效，不会中断连接。
对外接口统一设置了 {ms} 毫秒的超时，避免慢请求拖垮整个调用链。指标以 {n} 秒为粒度采集，既能看清抖动，又不会给存储带来太大压力。副本同步落后时，领导者会把它移出同步副本集合，直到追上进度。
限流阈值不是一成不变的，需要根据压测结果和业务高峰定期调整。把环境变量和启动参数写进进程管理器的配置里，比散落在脚本中更容易维护。在排查问题时，先看指标确定范围，再看日志定位细节，最后用追踪确认调用路径。
一次失败的发布让我们意识到回滚流程同样需要演练。对于 {svc} 这样的核心服务，任何变更都要先评估对下游的影响。压测时 {svc} 在每秒 {n} 千次请求下仍然保持稳定，但内存占用接近上限。
上游节点权重可以动态调整，方便逐步把流量迁移到新版本。批量大小从 {n} 调整到原来的两倍后，网络往返次数减少了一半。
`.match(/[^。\n]+。/g);
const SERVICES = ['order-api', 'user-center', 'payment-gw', 'search-svc', 'notify-worker', 'report-job', 'auth-proxy', 'stock-sync'];
const PARAMS = ['max_connections|1024|4096|并发连接上限', 'keepalive_timeout|75s|30s|空闲长连接保持时间', 'startsecs|1|5|启动后存活多久才算成功',
  'session.timeout.ms|45000|30000|消费者心跳超时', '-Xmx|1g|4g|最大堆内存', 'MaxGCPauseMillis|200|100|期望的最大停顿', 'worker_processes|1|auto|工作进程数',
  'retention.ms|604800000|259200000|消息保留时长', 'stopwaitsecs|10|30|停止前等待的秒数', 'proxy_read_timeout|60s|15s|读取上游响应的超时'].map((row) => row.split('|'));
const CLASSES = ['RateLimiter', 'RetryPolicy', 'HealthChecker', 'BatchSender', 'ConfigWatcher', 'CircuitBreaker'];

const fill = (template, svc) => template.replace(/\{(\w+)\}/g, (_, key) =>
  ({ svc, port: String(int(8000, 9999)), n: String(int(2, 12)), ms: String(int(50, 800)) })[key]);
const paragraph = (svc) => ({ sentences: sample(SENTENCES, int(3, 6)).map((template) => fill(template, svc)) });

const ini = (svc, port) => `[program:${svc}]
command=/opt/${svc}/bin/start --port=${port}
directory=/opt/${svc}
autorestart=true
startsecs=${int(2, 10)}
stdout_logfile=/var/log/${svc}/out.log
environment=JAVA_OPTS="-Xmx${int(1, 8)}g"`;
const nginx = (svc, port) => `upstream ${svc} {
    server 10.0.${int(0, 9)}.${int(2, 250)}:${port} weight=${int(1, 5)} max_fails=3;
    server 10.0.${int(0, 9)}.${int(2, 250)}:${port} backup;
    keepalive 32;
}
server {
    listen 443 ssl;
    server_name ${svc}.example.com;
    location / {
        proxy_pass http://${svc};
        proxy_read_timeout ${int(5, 60)}s;
    }
}`;
const java = (cls, limit) => `import java.util.concurrent.atomic.AtomicLong;

public class ${cls} {
    private static final long LIMIT = ${limit};
    private final AtomicLong used = new AtomicLong();
    public boolean tryAcquire() {
        return used.incrementAndGet() <= LIMIT;
    }
}`;

// Plan every note first: links with #anchors need the target's headings before its text exists.
const notes = Array.from({ length: count }, (_, i) => {
  const [topic, name] = [TOPICS[i % TOPICS.length][0], `note-${String(i + 1).padStart(String(count).length, '0')}`];
  const date = new Date(Date.UTC(2024, 0, 1) + ((i * 37) % 700) * 86400000).toISOString().slice(0, 10);
  return { topic, name, id: `${topic}/${name}`, title: `${pick(SUBJECTS)}（${i + 1}）`, date,
    headings: sample(H2, 4), tags: sample(TAGS, int(2, 4)).map(([id]) => id) };
});
const relPath = (from, to) => (from.topic === to.topic ? `./${to.name}.md` : `../${to.topic}/${to.name}.md`);
// The slug of a pure-Chinese heading is its text, so `#容量规划` is a real anchor in the target.
const LINK_STYLES = [
  (from, to) => `可以参考[${to.title}](${relPath(from, to)})。`,
  (from, to, h) => `细节见[${to.title}的「${h}」一节](${relPath(from, to)}#${h})。`,
  (_, to) => `相关内容参见 [[${to.id}]]。`,
  (_, to, h) => `另见 [[${to.id}#${h}|${h}]]。`,
];
const frontMatter = (title, description, tags, date) =>
  `---\ntitle: ${JSON.stringify(title)}\ndescription: ${JSON.stringify(description)}\ntags: [${tags.join(', ')}]\ndate: ${date}\n---\n\n`;

function renderNote(note, index) {
  const [svc, port, [h1, h2, h3, h4]] = [pick(SERVICES), int(8000, 9999), note.headings];
  const rows = sample(PARAMS, int(4, 6)).map(([key, def, rec, what]) => `| \`${key}\` | ${def} | ${rec} | ${what} |`);
  const fence = (lang, code) => `\`\`\`${lang}\n${code}\n\`\`\``;
  const blocks = [paragraph(svc), `## ${h1}`, paragraph(svc), paragraph(svc),
    ['| 参数 | 默认值 | 建议值 | 说明 |', '| --- | --- | --- | --- |', ...rows].join('\n'),
    `## ${h2}`, paragraph(svc), '### 进程守护配置', fence('ini', ini(svc, port)),
    '### 反向代理配置', paragraph(svc), fence('nginx', nginx(svc, port)),
    `## ${h3}`, paragraph(svc), '### 示例代码', fence('java', java(`${pick(CLASSES)}${index + 1}`, int(10, 999))),
    `## ${h4}`, paragraph(svc), paragraph(svc), '## 小结', paragraph(svc)];
  // 3–5 links to other notes, each appended to a random paragraph, cycling through the link styles.
  const paragraphs = blocks.filter((block) => typeof block === 'object');
  sample(notes.filter((other) => other !== note), int(3, 5)).forEach((target, k) => {
    pick(paragraphs).sentences.push(LINK_STYLES[(index + k) % LINK_STYLES.length](note, target, pick(target.headings)));
  });
  const body = blocks.map((block) => (typeof block === 'string' ? block : block.sentences.join(''))).join('\n\n');
  const description = `记录「${note.title.replace(/（.*/, '')}」在 ${svc} 上的配置、排查与调优要点。`;
  return `${frontMatter(note.title, description, note.tags, note.date)}${body}\n`;
}

function generate(contentDir) {
  for (const [id, name, description, tag] of TOPICS) {
    fs.mkdirSync(path.join(contentDir, 'notes', id), { recursive: true });
    const list = notes.filter((note) => note.topic === id).map((note) => `- [${note.title}](./${note.name}.md)`);
    const hub = `${frontMatter(`${name}导读`, description, [tag], '2024-01-01')}## 笔记列表\n\n${list.join('\n')}\n`;
    fs.writeFileSync(path.join(contentDir, 'notes', id, 'index.md'), hub);
  }
  const yaml = (rows) => rows.map((row) => Object.entries(row).map(([k, v], i) => `${i ? '  ' : '- '}${k}: ${JSON.stringify(v)}`).join('\n')).join('\n') + '\n';
  fs.writeFileSync(path.join(contentDir, 'topics.yaml'), yaml(TOPICS.map(([id, name, description], i) => ({ id, name, description, order: i + 1 }))));
  fs.writeFileSync(path.join(contentDir, 'tags.yaml'), yaml(TAGS.map(([id, name]) => ({ id, name, description: `与${name}相关的笔记。` }))));
  notes.forEach((note, i) => fs.writeFileSync(path.join(contentDir, 'notes', note.topic, `${note.name}.md`), renderNote(note, i)));
}

// Sum of VmRSS over the child and all its descendants (shared pages count once per process).
function sampleTree(rootPid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]); // comm may contain spaces
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {} // the process exited between readdir and read
  }
  let kib = 0;
  for (const queue = [rootPid]; queue.length > 0; ) {
    const pid = queue.pop();
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {}
    queue.push(...(children.get(pid) ?? []));
  }
  return { bytes: kib * 1024 };
}

function build(env) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn('npm', ['run', 'build'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let [output, peak] = ['', 0];
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk));
    const poll = () => {
      const { bytes } = sampleTree(child.pid);
      peak = Math.max(peak, bytes);
    };
    const timer = setInterval(poll, 100);
    child.on('error', (error) => (output += `\nspawn failed: ${error.message}`));
    child.on('close', (code) => {
      clearInterval(timer);
      const end = performance.now();
      resolve({ code, output, peak, seconds: (end - started) / 1000 });
    });
  });
}

function du(dir) {
  if (!fs.existsSync(dir)) return undefined;
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return { files: files.length, bytes: files.reduce((sum, e) => sum + fs.statSync(path.join(e.parentPath, e.name)).size, 0) };
}

// What a first visit to one note page downloads: its HTML plus the CSS and JS it links, gzip -9 each.
function pageWeight(outDir, urlPath) {
  const html = fs.readFileSync(path.join(outDir, urlPath, 'index.html'));
  const text = html.toString('utf8');
  const attr = (tag, name) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);
  const refs = new Map(); // href → kind; a modulepreload and its <script src> are one download
  for (const tag of text.match(/<(link|script)\b[^>]*>/gi) ?? []) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('stylesheet')) refs.set(attr(tag, 'href'), 'CSS');
    else if (rel.includes('modulepreload')) refs.set(attr(tag, 'href'), 'JS');
    else if (/^<script/i.test(tag) && attr(tag, 'src')) refs.set(attr(tag, 'src'), 'JS');
  }
  const gz = (buffer) => gzipSync(buffer, { level: 9 }).length;
  const assets = [...refs].filter(([href]) => href).map(([href, kind]) => {
    const url = new URL(href, `http://bench.invalid${urlPath}`); // base is `/`, so a URL path is a path in the out dir
    if (url.origin !== 'http://bench.invalid') return { kind, href, gz: 0, note: ' (external, not counted)' };
    return { kind, href, gz: gz(fs.readFileSync(path.join(outDir, decodeURIComponent(url.pathname)))), note: '' };
  });
  return { html: gz(html), assets, inline: (text.match(/<script\b(?![^>]*\ssrc=)[^>]*>/gi) ?? []).length };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-bench-'));
const [contentDir, outDir] = [path.join(tmp, 'content'), path.join(tmp, 'out')];
console.log(`bench: generating ${count} notes + ${TOPICS.length} topic hubs into ${contentDir}`);
generate(contentDir);
const source = du(contentDir);
console.log(`bench: npm run build (OUT_DIR=${outDir}) …`);
const result = await build({ CONTENT_DIR: contentDir, OUT_DIR: outDir });
if (result.code !== 0) {
  // Keep the generated content: it is what reproduces the failure.
  console.error(`${result.output}\nbench: BUILD FAILED (exit ${result.code}) after ${result.seconds.toFixed(1)} s; content kept at ${contentDir}`);
  process.exit(1);
}

const highlighting = await timeHighlighting(path.join(contentDir, 'notes'));
const [site, search, pageNote] = [du(outDir), du(path.join(outDir, 'search-index')), notes[Math.min(1, count - 1)]];
const [page, files] = [pageWeight(outDir, `/${pageNote.id}/`), count + TOPICS.length];
const [bytes, mib] = [(n) => `${n.toLocaleString('en-US')} B`, (n) => `${(n / 1048576).toFixed(2)} MiB`];
const line = (label, value) => console.log(`  ${label.padEnd(26)}${value}`);
console.log(`\n=== Build benchmark: ${count} notes (+${TOPICS.length} hubs), Node ${process.version} ===`);
line('source markdown', `${bytes(source.bytes)} (${mib(source.bytes)}), ${source.files} files`);
line('wall time', `${result.seconds.toFixed(2)} s (npm run build, search index included)`);
const astroSays = /\d+ page\(s\) built in [\d.]+m?s/.exec(result.output.replace(/\x1b\[[\d;]*m/g, ''))?.[0]; // cross-checks the split
if (astroSays) line('  astro reports', astroSays);
line('  highlighting (Shiki)', `${highlighting.highlightMs.toFixed(0)} ms for ${highlighting.blocks} blocks (${(highlighting.highlightMs / highlighting.blocks).toFixed(2)} ms/block, ${((highlighting.highlightMs / 1000 / result.seconds) * 100).toFixed(1)} % of wall time; +${highlighting.setupMs.toFixed(0)} ms to load grammars and themes)`);
line('throughput', `${(files / result.seconds).toFixed(1)} notes/s (${files} .md files)`);
line('peak RSS, process tree', `${mib(result.peak)} (sum of VmRSS, sampled every 100 ms)`);
line('output total', `${bytes(site.bytes)} (${mib(site.bytes)}), ${site.files} files`);
line('search index', search ? `${bytes(search.bytes)} (${mib(search.bytes)}), ${search.files} files` : 'not present');
console.log(`\n  One note page, gzip -9: /${pageNote.id}/`);
line('HTML', `${bytes(page.html)} (with ${page.inline} inline <script>)`);
for (const asset of page.assets) line(asset.kind, `${bytes(asset.gz)}  ${asset.href}${asset.note}`);
if (!page.assets.some((asset) => asset.kind === 'JS')) line('JS', '0 B (no external scripts)');
line('total', bytes(page.assets.reduce((sum, asset) => sum + asset.gz, page.html)));

if (process.env.BENCH_KEEP === '1') console.log(`\nbench: kept ${contentDir} and ${outDir}`);
else fs.rmSync(tmp, { recursive: true, force: true });
