/**
 * What readers type, and the note each query must bring up. `top: 1` means ranked first;
 * `top: 3` where two notes are equally right (named in `why`).
 */
export interface QueryCase { query: string; expect: string | string[]; top: 1 | 3; why?: string }

export const queryTable: QueryCase[] = [
  // Chinese words and phrases
  { query: '分区', expect: ['kafka/overview', 'kafka/partition-storage'], top: 3, why: 'the overview defines partitions, partition-storage is about them; producer and consumer-groups use the word as often' },
  { query: '守护进程', expect: 'process-supervision/supervisord-vs-systemd', top: 3, why: 'the topic hub and the restart note use the word as much' },
  { query: '堆内存', expect: 'jvm/runtime-data-areas', top: 1 },
  { query: '副本', expect: 'kafka/replication', top: 1 },
  { query: '高水位', expect: 'kafka/replication', top: 1 },
  { query: '零拷贝', expect: 'kafka/overview', top: 1 },
  { query: '稀疏索引', expect: 'kafka/partition-storage', top: 1 },
  { query: '幂等', expect: 'kafka/producer', top: 1 },
  { query: '再均衡', expect: 'kafka/consumer-groups', top: 1 },
  { query: '模板单元', expect: 'process-supervision/systemd-instances', top: 1 },
  { query: '反向代理', expect: 'nginx/reverse-proxy', top: 1 },
  { query: '直接内存', expect: 'jvm/oom-errors', top: 3, why: 'runtime-data-areas describes the area, oom-errors its error' },
  { query: '马拉松', expect: 'career/career-marathon', top: 1 },
  { query: '外企', expect: 'career/what-you-want', top: 1 },
  // a prefix: 消费 must find the notes about 消费者
  { query: '消费', expect: 'kafka/consumer-groups', top: 1 },
  // Traditional characters find the Simplified notes
  { query: '守護進程', expect: 'process-supervision/supervisord-vs-systemd', top: 3, why: 'as 守护进程' },
  // English terms
  { query: 'ISR', expect: 'kafka/replication', top: 1 },
  { query: 'consumer group', expect: 'kafka/consumer-groups', top: 1 },
  { query: 'KRaft', expect: 'kafka/zookeeper-kraft', top: 1 },
  { query: 'ZooKeeper', expect: 'kafka/zookeeper-kraft', top: 1 },
  { query: 'sendfile', expect: 'kafka/overview', top: 1 },
  { query: 'Metaspace', expect: 'jvm/oom-errors', top: 3, why: 'runtime-data-areas explains Metaspace, oom-errors its error' },
  { query: 'StackOverflowError', expect: 'jvm/oom-errors', top: 3, why: 'runtime-data-areas explains the stack error too' },
  // config keys
  { query: 'Restart=always', expect: 'process-supervision/systemd-restart', top: 1 },
  { query: 'StartLimitBurst', expect: 'process-supervision/systemd-restart', top: 1 },
  { query: '-Xmx', expect: 'jvm/oom-errors', top: 3, why: 'runtime-data-areas maps -Xmx to the heap too' },
  { query: 'ip_hash', expect: 'nginx/ip-hash-troubleshooting', top: 1 },
  { query: 'proxy_pass', expect: 'nginx/reverse-proxy', top: 1 },
  { query: 'min.insync.replicas', expect: 'kafka/replication', top: 1 },
  { query: 'linger.ms', expect: 'kafka/producer', top: 1 },
  { query: 'numprocs', expect: 'process-supervision/supervisord-vs-systemd', top: 3, why: 'systemd-instances compares numprocs with templates' },
  { query: 'set_real_ip_from', expect: 'nginx/ip-hash-troubleshooting', top: 1 },
  // transactions, monitoring and migration notes
  { query: '事务', expect: 'kafka/transactions', top: 1 },
  { query: 'read_committed', expect: 'kafka/transactions', top: 1 },
  { query: 'transactional.id', expect: 'kafka/transactions', top: 1 },
  { query: '监控', expect: 'kafka/monitoring', top: 1 },
  { query: 'records-lag-max', expect: 'kafka/monitoring', top: 1 },
  { query: 'UnderReplicatedPartitions', expect: 'kafka/monitoring', top: 1 },
  { query: '迁移', expect: 'kafka/kraft-migration', top: 1 },
  { query: 'zookeeper.metadata.migration.enable', expect: 'kafka/kraft-migration', top: 1 },
  // systemd resource limits, watchdog and hardening
  { query: '资源限制', expect: 'process-supervision/systemd-resources', top: 1 },
  { query: 'OOMPolicy', expect: 'process-supervision/systemd-resources', top: 1 },
  { query: 'LimitNOFILE', expect: 'process-supervision/systemd-resources', top: 1 },
  { query: 'MemoryMax', expect: 'process-supervision/systemd-resources', top: 3, why: 'the process-supervision hub and jvm/diagnostics mention MemoryMax= too' },
  { query: 'WatchdogSec', expect: 'process-supervision/systemd-resources', top: 3, why: 'the process-supervision hub lists it and gc-basics links to it' },
  // nginx load balancing and proxying an external HTTPS site
  { query: 'least_conn', expect: 'nginx/load-balancing', top: 1 },
  { query: 'max_fails', expect: 'nginx/load-balancing', top: 1 },
  { query: '负载均衡', expect: 'nginx/load-balancing', top: 3, why: 'the nginx hub has the word in its title and ip-hash-troubleshooting uses it most' },
  { query: 'proxy_ssl_server_name', expect: 'nginx/proxy-external-https', top: 1 },
  { query: 'proxy_ssl_verify_depth', expect: 'nginx/proxy-external-https', top: 1 },
  { query: 'resolver', expect: 'nginx/proxy-external-https', top: 1 },
  // JVM garbage collection and diagnostics
  { query: 'G1', expect: 'jvm/gc-basics', top: 1 },
  { query: 'ZGC', expect: 'jvm/gc-basics', top: 1 },
  { query: '垃圾回收', expect: 'jvm/gc-basics', top: 1 },
  { query: '内存模型', expect: 'jvm/gc-basics', top: 3, why: 'the jvm hub asks the same question in its list and links to it' },
  { query: 'jcmd', expect: 'jvm/diagnostics', top: 1 },
  { query: 'jstat', expect: 'jvm/diagnostics', top: 1 },
  { query: 'MaxRAMPercentage', expect: 'jvm/diagnostics', top: 1 },
  { query: 'CodeCache is full', expect: 'jvm/diagnostics', top: 1 },
  // symptoms and synonyms (content/synonyms.yaml): the words readers type, not the notes' words
  { query: '进程挂了自动重启', expect: 'process-supervision/systemd-restart', top: 3, why: '挂了 is 崩溃/退出 in the notes; supervisord-vs-systemd compares crash restarts too' },
  { query: '消息丢失', expect: ['kafka/replication', 'kafka/consumer-groups'], top: 3, why: 'the notes say 丢消息 (replication) or 消息…丢 (consumer-groups); the Kafka hub sums both up' },
  { query: 'zero copy', expect: 'kafka/overview', top: 1 },
  { query: '内存溢出', expect: 'jvm/oom-errors', top: 1 },
  { query: 'OOM', expect: 'jvm/oom-errors', top: 1 },
  { query: '栈溢出', expect: 'jvm/oom-errors', top: 3, why: 'as StackOverflowError; runtime-data-areas explains the stack too' },
  { query: '重平衡', expect: 'kafka/consumer-groups', top: 1 },
  { query: '偏移量', expect: 'kafka/consumer-groups', top: 1 },
  { query: '精确一次', expect: 'kafka/transactions', top: 1 },
  { query: '堆外内存', expect: ['jvm/runtime-data-areas', 'jvm/oom-errors'], top: 3, why: 'as 直接内存: the area and its error' },
  { query: '领导者', expect: 'kafka/replication', top: 1 },
  { query: '粘性会话', expect: 'nginx/ip-hash-troubleshooting', top: 1 },
  { query: 'heartbeat', expect: 'kafka/consumer-groups', top: 1 },
  // Traditional phrases fold to the notes' words (記憶體 → 内存, 執行緒 → 线程)
  { query: '記憶體', expect: ['jvm/runtime-data-areas', 'jvm/oom-errors'], top: 3, why: 'as 内存: the JVM notes and their hub' },
  { query: '記憶體溢出', expect: 'jvm/oom-errors', top: 1 },
  { query: '負載均衡', expect: ['nginx/ip-hash-troubleshooting', 'nginx/reverse-proxy'], top: 3, why: 'as 负载均衡: the nginx hub is titled with it' },
  { query: '進程守護', expect: 'process-supervision/index', top: 1 },
  { query: '執行緒', expect: ['jvm/oom-errors', 'jvm/runtime-data-areas'], top: 3, why: 'as 线程: thread stacks and the error when no thread can be created' },
  { query: '消費者組', expect: 'kafka/consumer-groups', top: 1 },
  // prefixes of config keys, a key with its value empty, mixed scripts, full-width letters
  { query: 'StartLimit', expect: 'process-supervision/systemd-restart', top: 1 },
  { query: 'records-lag', expect: 'kafka/monitoring', top: 1 },
  { query: 'Restart=', expect: 'process-supervision/systemd-restart', top: 1 },
  { query: '-XX:MaxDirectMemorySize', expect: ['jvm/oom-errors', 'jvm/runtime-data-areas'], top: 3, why: 'the error and the area both name the flag' },
  { query: 'Kafka 事务', expect: 'kafka/transactions', top: 1 },
  { query: 'ＩＳＲ', expect: 'kafka/replication', top: 1 },
];

/** Queries no note answers: the search says nothing matched instead of listing near misses. */
export const unanswered: string[] = ['qwertyzzz', '卡夫卡', 'terraform ansible', '量子纠缠'];
