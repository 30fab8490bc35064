import { mkdirSync, writeFileSync } from 'node:fs';
import type { Instance } from './instance.js';

/**
 * JVM options for the server. Note: Neo4j's own `neo4j` script would take these from
 * `server.jvm.additional` and `server.memory.heap.*`; we start the JVM ourselves, so they
 * are given here. Heap and page cache suit a small machine (2 cores); the JVM exits on
 * OutOfMemoryError rather than limping on.
 *
 * Note: the JIT is left whole (C1 and C2). Stopping it at C1 (`TieredStopAtLevel=1`) saves
 * Neo4j the C2 compiling of its write path on a cold JVM (loading the corpus: ~26 instead
 * of ~60 CPU-s), but the API's read queries then run 1.2–3.9× slower for as long as the
 * server runs (BENCHMARKS.md, the runs with and without it); a server answers far longer
 * than it ingests.
 */
export const JVM_OPTIONS: readonly string[] = [
  '-Xms512m',
  '-Xmx1g',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
];

/** The settings of one instance; everything it writes stays under its home. */
export function neo4jSettings(inst: Instance): Record<string, string> {
  return {
    'server.directories.data': inst.dataDir,
    'server.directories.logs': inst.logsDir,
    'server.directories.run': inst.runDir,
    'server.directories.import': `${inst.home}/import`,
    'server.directories.plugins': `${inst.home}/plugins`,
    // Loopback only: Bolt for the driver, no HTTP/HTTPS (no browser needed).
    'server.default_listen_address': '127.0.0.1',
    'server.default_advertised_address': '127.0.0.1',
    'server.bolt.enabled': 'true',
    'server.bolt.listen_address': `127.0.0.1:${inst.port}`,
    'server.bolt.advertised_address': `127.0.0.1:${inst.port}`,
    'server.http.enabled': 'false',
    'server.https.enabled': 'false',
    'dbms.security.auth_enabled': 'true',
    'server.memory.pagecache.size': '512m',
    // A runaway query is stopped; write batches are expected to take seconds, not minutes.
    'db.transaction.timeout': '120s',
    'dbms.usage_report.enabled': 'false',
    // The user log goes to stdout, which the launcher sends to logs/neo4j.log.
    'server.logs.user.config': inst.userLogsConfigFile,
    // Note: Bolt's Netty loops wait 5 s each for quiet on shutdown by default (10 s in all);
    // 1 s makes `stop` take ~3 s. An internal setting, checked for 5.26.
    'internal.dbms.bolt.netty_server_shutdown_quiet_period': '1',
  };
}

const USER_LOGS_CONFIG = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by Quorum at every start: Neo4j's user log goes to stdout (logs/neo4j.log). -->
<Configuration>
    <Appenders>
        <Console name="Console" target="SYSTEM_OUT">
            <PatternLayout pattern="%d{yyyy-MM-dd HH:mm:ss.SSSZ}{GMT+0} %-5p %m%n"/>
        </Console>
    </Appenders>
    <Loggers>
        <Root level="info">
            <AppenderRef ref="Console"/>
        </Root>
    </Loggers>
</Configuration>
`;

/** Writes conf/neo4j.conf and conf/user-logs.xml afresh, and creates the instance's folders. */
export function writeNeo4jConfig(inst: Instance): void {
  for (const dir of [inst.confDir, inst.dataDir, inst.logsDir, inst.runDir]) mkdirSync(dir, { recursive: true });
  const lines = Object.entries(neo4jSettings(inst)).map(([key, value]) => `${key}=${value}`);
  const header = '# Written by Quorum (neo4j/config.ts) at every start of this instance; edits are lost.\n';
  writeFileSync(inst.confFile, `${header}${lines.join('\n')}\n`);
  writeFileSync(inst.userLogsConfigFile, USER_LOGS_CONFIG);
}
