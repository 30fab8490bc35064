import { neo4jStatus, startNeo4j, stopNeo4j, type Neo4jEndpoint } from '../neo4j/launcher.js';

const USAGE = `usage: quorum neo4j <start|stop|status>

  start   start Quorum's own Neo4j server (or reuse the running one), keep it running until
          'quorum neo4j stop', and print how to reach it
  stop    stop it (SIGTERM, then SIGKILL after 60 s)
  status  say whether it runs; exit status 0 if it does, 3 if not

The instance folder is QUORUM_NEO4J_HOME (default .neo4j/default in the project),
the Bolt port on 127.0.0.1 is QUORUM_NEO4J_PORT (default 7687).`;

function describe(endpoint: Neo4jEndpoint, home: string, logFile: string): string {
  return [
    `  uri       ${endpoint.uri}`,
    `  user      ${endpoint.user}`,
    `  password  ${endpoint.password}`,
    `  home      ${home}`,
    `  log       ${logFile}`,
  ].join('\n');
}

/** `quorum neo4j start|stop|status`; resolves to the exit status. */
export async function neo4jCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'help' || sub === '--help' || sub === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (rest.length > 0 || (sub !== 'start' && sub !== 'stop' && sub !== 'status')) {
    console.error(USAGE);
    return 2;
  }
  try {
    if (sub === 'stop') {
      console.log((await stopNeo4j()) ? 'Neo4j stopped' : 'Neo4j was not running');
      return 0;
    }
    if (sub === 'start') await startNeo4j({ keepRunning: true });
    const status = await neo4jStatus();
    if (!status.running || !status.endpoint) {
      console.log(`Neo4j is not running\n  home      ${status.home}\n  log       ${status.logFile}`);
      return 3;
    }
    const answering = status.ready ? '' : ' but Bolt does not answer (yet)';
    console.log(`Neo4j is running (pid ${status.pid})${answering}\n${describe(status.endpoint, status.home, status.logFile)}`);
    if (process.env.NEO4J_URI) console.log(`note: NEO4J_URI is set (${process.env.NEO4J_URI}), so other quorum commands use that server instead`);
    return 0;
  } catch (error) {
    console.error(`quorum neo4j ${sub}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
