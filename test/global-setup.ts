import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { releaseNeo4j, startNeo4j } from '../neo4j/launcher.js';
import { projectRoot } from '../neo4j/instance.js';

/** The test Neo4j, when Quorum's own server is used (null when NEO4J_URI names another). */
export interface TestNeo4j {
  home: string;
  port: number;
  pid: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testNeo4j: TestNeo4j | null;
  }
}

// QUORUM_TEST_NEO4J_HOME / QUORUM_TEST_NEO4J_PORT give a run an instance of its own (parallel work trees).
const HOME = resolve(process.env.QUORUM_TEST_NEO4J_HOME ?? join(projectRoot(), '.neo4j', 'test'));
const PORT = Number(process.env.QUORUM_TEST_NEO4J_PORT ?? 7688);

/**
 * Starts (or reuses) the test Neo4j at .neo4j/test on port 7688, unless NEO4J_URI is set, and
 * hands it to the tests as NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (workers inherit this
 * process's environment). Afterwards it is released: stopped unless another test run still
 * uses it or it was started with `quorum neo4j start` (as .ci/run does).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.NEO4J_URI) {
    project.provide('testNeo4j', null);
    return async () => {};
  }
  const neo4j = await startNeo4j({ home: HOME, port: PORT });
  process.env.NEO4J_URI = neo4j.uri;
  process.env.NEO4J_USER = neo4j.user;
  process.env.NEO4J_PASSWORD = neo4j.password;
  project.provide('testNeo4j', { home: HOME, port: PORT, pid: neo4j.pid ?? 0 });
  return async () => {
    await releaseNeo4j({ home: HOME });
  };
}
