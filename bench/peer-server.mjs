// The peer of `npm run bench`: the graph in the Neo4j of NEO4J_URI served by
// @neo4j/graphql (bench/peer.graphql) with the same HTTP stack as Quorum's
// API (fastify + mercurius) at /graphql. node bench/peer-server.mjs PORT;
// prints "ready" once it listens.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Neo4jGraphQL } from '@neo4j/graphql';
import Fastify from 'fastify';
import mercurius from 'mercurius';
import neo4j from 'neo4j-driver';
import { root } from './lib.mjs';

const port = Number(process.argv[2]);
const driver = neo4j.driver(process.env.NEO4J_URI, neo4j.auth.basic(process.env.NEO4J_USER, process.env.NEO4J_PASSWORD), { maxConnectionPoolSize: 100 });
// String range filters (dates are "YYYY-MM-DD" strings in the graph) are a feature to switch on.
const features = { filters: { String: { GT: true, GTE: true, LT: true, LTE: true } } };
const schema = await new Neo4jGraphQL({ typeDefs: readFileSync(join(root, 'bench', 'peer.graphql'), 'utf8'), driver, features }).getSchema();
const app = Fastify({ logger: false });
await app.register(mercurius, { schema, context: () => ({ executionContext: driver }), path: '/graphql', graphiql: false });
await app.listen({ port, host: '127.0.0.1' });
console.log('ready');
const stop = async () => {
  await app.close();
  await driver.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
