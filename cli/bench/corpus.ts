// The synthetic corpus of `npm run bench`: N notes in five topics, Chinese prose, a GFM table, a
// task list, a footnote, three code blocks (ini, nginx, java), 2–4 tags and 3–5 links per note in
// every link style the site supports. Seeded: the same N always gives the same notes.
import fs from 'node:fs';
import path from 'node:path';

export interface PlannedNote {
  topic: string;
  name: string;
  id: string;
  title: string;
  date: string;
  headings: string[];
  tags: string[];
}

// Seeded PRNG (mulberry32), reset by each generateCorpus call.
let seed = 0x5eed;
function rand(): number {
  let t = (seed = (seed + 0x6d2b79f5) | 0);
  t = Math.imul(t ^ (t >>> 15), 1 | t);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const sample = <T>(list: readonly T[], k: number, rest = [...list]): T[] =>
  Array.from({ length: Math.min(k, rest.length) }, () => rest.splice(Math.floor(rand() * rest.length), 1)[0]!);
const rows = (table: string[], separator: string) => table.map((row) => row.split(separator) as [string, string, string, string]);

// id|name|description|tag of the topic's hub
export const TOPICS = rows(['messaging|消息队列|分区、副本、消费组与消息投递语义的实践记录。|kafka', 'web-serving|Web 服务|反向代理、负载均衡、缓存与 TLS 配置。|nginx',
  'jvm-tuning|JVM 调优|堆内存、垃圾回收、线程与类加载的诊断方法。|jvm', 'process-ops|进程守护|用 supervisord 和 systemd 管理长期运行的服务。|supervisord',
  'observability|可观测性|日志、指标与链路追踪的落地经验。|metrics'], '|');
const TAGS = rows(['kafka:Kafka', 'rabbitmq:RabbitMQ', 'nginx:Nginx', 'tls:TLS', 'cache:缓存', 'jvm:JVM', 'gc:垃圾回收', 'threads:线程',
  'supervisord:supervisord', 'systemd:systemd', 'logging:日志', 'metrics:指标', 'tracing:链路追踪', 'deploy:部署', 'performance:性能',
  'troubleshooting:故障排查', 'security:安全', 'linux:Linux', 'java:Java', 'capacity:容量规划'], ':');
const SUBJECTS = ['消费者重平衡', '分区副本同步', '连接池耗尽', '慢请求定位', '滚动发布', '进程自动拉起', '堆外内存泄漏', 'Full GC 频繁', '上游超时重试',
  '日志轮转', '证书续期', '线程池饱和', '磁盘水位告警', '限流与熔断', '配置热加载', '灰度流量切换', '冷启动预热', '优雅停机', '采样率调整', '背压处理'];
const H2 = ['背景与动机', '架构概览', '核心概念', '配置要点', '部署步骤', '性能调优', '故障排查', '监控指标', '容量规划',
  '安全加固', '常见问题', '最佳实践'];
const TASKS = ['确认监控告警已覆盖', '在预发环境回放流量', '更新值班手册', '评估对下游的影响', '准备回滚方案', '压测新的参数'];
// One sentence per `。`; {svc} {port} {n} {ms} are filled per use so paragraphs rarely repeat verbatim.
const SENTENCES: string[] = `
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
`.match(/[^。\n]+。/g) ?? [];
const SERVICES = ['order-api', 'user-center', 'payment-gw', 'search-svc', 'notify-worker', 'report-job', 'auth-proxy', 'stock-sync'];
const PARAMS = rows(['max_connections|1024|4096|并发连接上限', 'keepalive_timeout|75s|30s|空闲长连接保持时间', 'startsecs|1|5|启动后存活多久才算成功',
  'session.timeout.ms|45000|30000|消费者心跳超时', '-Xmx|1g|4g|最大堆内存', 'MaxGCPauseMillis|200|100|期望的最大停顿', 'worker_processes|1|auto|工作进程数',
  'retention.ms|604800000|259200000|消息保留时长', 'stopwaitsecs|10|30|停止前等待的秒数', 'proxy_read_timeout|60s|15s|读取上游响应的超时'], '|');
const CLASSES = ['RateLimiter', 'RetryPolicy', 'HealthChecker', 'BatchSender', 'ConfigWatcher', 'CircuitBreaker'];

type Paragraph = { sentences: string[] };
const fill = (template: string, svc: string) => template.replace(/\{(\w+)\}/g, (_, key: string) =>
  ({ svc, port: String(int(8000, 9999)), n: String(int(2, 12)), ms: String(int(50, 800)) })[key] ?? key);
const paragraph = (svc: string): Paragraph => ({ sentences: sample(SENTENCES, int(3, 6)).map((template) => fill(template, svc)) });

const ini = (svc: string, port: number) => `[program:${svc}]
command=/opt/${svc}/bin/start --port=${port}
directory=/opt/${svc}
autorestart=true
startsecs=${int(2, 10)}
stdout_logfile=/var/log/${svc}/out.log
environment=JAVA_OPTS="-Xmx${int(1, 8)}g"`;
const nginx = (svc: string, port: number) => `upstream ${svc} {
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
const java = (cls: string, limit: number) => `import java.util.concurrent.atomic.AtomicLong;

public class ${cls} {
    private static final long LIMIT = ${limit};
    private final AtomicLong used = new AtomicLong();
    public boolean tryAcquire() {
        return used.incrementAndGet() <= LIMIT;
    }
}`;

const relPath = (from: PlannedNote, to: PlannedNote) => (from.topic === to.topic ? `./${to.name}.md` : `../${to.topic}/${to.name}.md`);
// The slug of a pure-Chinese heading is its text, so `#容量规划` is a real anchor in the target.
const LINK_STYLES = [
  (from: PlannedNote, to: PlannedNote) => `可以参考[${to.title}](${relPath(from, to)})。`,
  (from: PlannedNote, to: PlannedNote, h: string) => `细节见[${to.title}的「${h}」一节](${relPath(from, to)}#${h})。`,
  (_: PlannedNote, to: PlannedNote) => `相关内容参见 [[${to.id}]]。`,
  (_: PlannedNote, to: PlannedNote, h: string) => `另见 [[${to.id}#${h}|${h}]]。`,
];
const frontMatter = (title: string, description: string, tags: string[], date: string) =>
  `---\ntitle: ${JSON.stringify(title)}\ndescription: ${JSON.stringify(description)}\ntags: [${tags.join(', ')}]\ndate: ${date}\n---\n\n`;

function renderNote(note: PlannedNote, index: number, notes: PlannedNote[]): string {
  const [svc, port, [h1, h2, h3, h4]] = [pick(SERVICES), int(8000, 9999), note.headings];
  const table = sample(PARAMS, int(4, 6)).map(([key, def, rec, what]) => `| \`${key}\` | ${def} | ${rec} | ${what} |`);
  const tasks = sample(TASKS, 3).map((task, k) => `- [${k === 0 ? 'x' : ' '}] ${task}`);
  const fence = (lang: string, code: string) => `\`\`\`${lang}\n${code}\n\`\`\``;
  const footnoted = paragraph(svc);
  footnoted.sentences.push(`这个数值来自一次压测[^bench]。`);
  const blocks = [paragraph(svc), `## ${h1}`, paragraph(svc), footnoted,
    ['| 参数 | 默认值 | 建议值 | 说明 |', '| --- | --- | --- | --- |', ...table].join('\n'),
    `## ${h2}`, paragraph(svc), '### 进程守护配置', fence('ini', ini(svc, port)),
    '### 反向代理配置', paragraph(svc), fence('nginx', nginx(svc, port)),
    `## ${h3}`, paragraph(svc), '### 示例代码', fence('java', java(`${pick(CLASSES)}${index + 1}`, int(10, 999))),
    `## ${h4}`, paragraph(svc), tasks.join('\n'), paragraph(svc), '## 小结', paragraph(svc),
    `[^bench]: 压测在 ${int(2, 16)} 核的虚拟机上进行，持续 ${int(10, 60)} 分钟。`];
  // 3–5 links to other notes, each appended to a random paragraph, cycling through the link styles.
  const paragraphs = blocks.filter((block): block is Paragraph => typeof block === 'object');
  sample(notes.filter((other) => other !== note), int(3, 5)).forEach((target, k) => {
    pick(paragraphs).sentences.push(LINK_STYLES[(index + k) % LINK_STYLES.length]!(note, target, pick(target.headings)));
  });
  const body = blocks.map((block) => (typeof block === 'string' ? block : block.sentences.join(''))).join('\n\n');
  const description = `记录「${note.title.replace(/（.*/, '')}」在 ${svc} 上的配置、排查与调优要点。`;
  return `${frontMatter(note.title, description, note.tags, note.date)}${body}\n`;
}

/** Plans every note first: links with #anchors need the target's headings before its text exists. */
function plan(count: number): PlannedNote[] {
  return Array.from({ length: count }, (_, i) => {
    const [topic, name] = [TOPICS[i % TOPICS.length]![0], `note-${String(i + 1).padStart(String(count).length, '0')}`];
    const date = new Date(Date.UTC(2024, 0, 1) + ((i * 37) % 700) * 86400000).toISOString().slice(0, 10);
    return { topic, name, id: `${topic}/${name}`, title: `${pick(SUBJECTS)}（${i + 1}）`, date,
      headings: sample(H2, 4), tags: sample(TAGS, int(2, 4)).map(([id]) => id) };
  });
}

/** Writes `notes/<topic>/*.md` (a hub per topic), `topics.yaml` and `tags.yaml` into contentDir. */
export function generateCorpus(count: number, contentDir: string): PlannedNote[] {
  seed = 0x5eed;
  const notes = plan(count);
  for (const [id, name, description, tag] of TOPICS) {
    fs.mkdirSync(path.join(contentDir, 'notes', id), { recursive: true });
    const list = notes.filter((note) => note.topic === id).map((note) => `- [${note.title}](./${note.name}.md)`);
    const hub = `${frontMatter(`${name}导读`, description, [tag], '2024-01-01')}## 笔记列表\n\n${list.join('\n')}\n`;
    fs.writeFileSync(path.join(contentDir, 'notes', id, 'index.md'), hub);
  }
  const yaml = (entries: Record<string, string | number>[]) =>
    entries.map((row) => Object.entries(row).map(([k, v], i) => `${i ? '  ' : '- '}${k}: ${JSON.stringify(v)}`).join('\n')).join('\n') + '\n';
  fs.writeFileSync(path.join(contentDir, 'topics.yaml'), yaml(TOPICS.map(([id, name, description], i) => ({ id, name, description, order: i + 1 }))));
  fs.writeFileSync(path.join(contentDir, 'tags.yaml'), yaml(TAGS.map(([id, name]) => ({ id, name, description: `与${name}相关的笔记。` }))));
  notes.forEach((note, i) => fs.writeFileSync(path.join(contentDir, 'notes', note.topic, `${note.name}.md`), renderNote(note, i, notes)));
  return notes;
}
