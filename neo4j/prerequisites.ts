import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Instance } from './instance.js';
import { runTool } from './run-tool.js';

const MIN_JAVA = 17;

/**
 * The java executable to run Neo4j with: `$JAVA_HOME/bin/java` when JAVA_HOME is set,
 * else `java` on the PATH. Throws when it is missing or older than Java 17.
 */
export function findJava(): string {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (probe.error) {
    const where = process.env.JAVA_HOME ? `${java} (from JAVA_HOME)` : '`java` on the PATH';
    throw new Error(
      `Neo4j needs Java ${MIN_JAVA} or 21, but ${where} could not be run (${probe.error.message}); install a JDK/JRE ${MIN_JAVA}+ or set JAVA_HOME`,
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${probe.stderr}${probe.stdout}`);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : NaN;
  if (!(major >= MIN_JAVA)) {
    const found = (probe.stderr || probe.stdout).split('\n')[0];
    throw new Error(`Neo4j needs Java ${MIN_JAVA} or 21, but ${java} is ${JSON.stringify(found)}; install a newer JDK/JRE or point JAVA_HOME at one`);
  }
  return java;
}

/** The Neo4j version that neo4j/pom.xml fetches. */
function pomNeo4jVersion(root: string): string {
  const pom = readFileSync(join(root, 'neo4j', 'pom.xml'), 'utf8');
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom);
  if (!match?.[1]) throw new Error('neo4j/pom.xml has no <neo4j.version>');
  return match[1];
}

/**
 * Makes sure `.neo4j/lib` holds the jars of the Neo4j version in neo4j/pom.xml, fetching
 * them with Maven when they are missing (~10 s with a warm ~/.m2, longer the first time).
 * Note: a lib folder without that version's jar is emptied first, so that two Neo4j
 * versions never share the class path.
 */
export async function ensureNeo4jJars(inst: Instance): Promise<void> {
  const version = pomNeo4jVersion(inst.root);
  const marker = join(inst.libDir, `neo4j-${version}.jar`);
  if (existsSync(marker)) return;
  const args = ['-q', '-B', '-f', join(inst.root, 'neo4j', 'pom.xml'), 'dependency:copy-dependencies'];
  inst.log(`Neo4j ${version} jars are missing in ${inst.libDir}; fetching them: mvn ${args.join(' ')}`);
  rmSync(inst.libDir, { recursive: true, force: true });
  const mvn = await runTool('mvn', args, { cwd: inst.root });
  if (mvn.error) {
    throw new Error(`Maven (mvn) is needed once to fetch the Neo4j jars into ${inst.libDir}, but could not be run (${mvn.error.message}); install Maven 3.8+`);
  }
  if (mvn.code !== 0 || !existsSync(marker)) {
    const tail = mvn.output.trimEnd().split('\n').slice(-30).join('\n');
    throw new Error(`fetching the Neo4j jars failed (mvn exited with ${mvn.code}):\n${tail}`);
  }
  inst.log(`Neo4j ${version} jars are in ${inst.libDir}`);
}
