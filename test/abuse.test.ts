/**
 * API abuse (OWASP GraphQL cheat sheet): each attack is sent and refused with
 * a clear, coded message while normal queries still pass; internals never
 * reach a response; Cypher injection in any argument or ingested field is
 * stored or matched as text and leaves the graph unchanged; the API is
 * read-only.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildSchema, getIntrospectionQuery, getNamedType, isInputObjectType, isLeafType, isNonNullType, parse, type GraphQLField } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp, schemaText, type AppOptions } from '../api/app.js';
import { clampFirst } from '../api/args.js';
import { loadQueries } from '../api/queries.js';
import { resolvers } from '../api/resolvers.js';
import { Db, DbError } from '../db/driver.js';
import { emptyConfig } from '../ingest/read/config.js';
import { ingestFolder } from '../ingest/pipeline.js';
import { difference, fingerprint, part } from './support/fingerprint.js';
import { seededDb } from './support/graph.js';

let db: Db;
let app: FastifyInstance;
const apps: FastifyInstance[] = [];

type Body = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };

async function make(o: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  const a = await buildApp({ db, logger: false, ...o });
  apps.push(a);
  return a;
}

async function gql(query: string, variables?: Record<string, unknown>, on = app, remoteAddress?: string) {
  const res = await on.inject({ method: 'POST', url: '/graphql', payload: { query, variables }, remoteAddress });
  return { status: res.statusCode, body: res.json() as Body, raw: res.body };
}

/** No Cypher, driver, Lucene or JavaScript detail in a response (besides the client's own `echo`, which GraphQL may quote). */
function expectMasked(raw: string, echo?: string): void {
  if (echo)
    raw = raw
      .split(JSON.stringify(JSON.stringify(echo)).slice(1, -1))
      .join('')
      .split(JSON.stringify(echo).slice(1, -1))
      .join('');
  expect(raw).not.toMatch(/neo4j|cypher|lucene|MATCH \(|RETURN |UNWIND|stack|\.ts:\d|\.js:\d|at \w+ \(|Neo\.\w+Error/i);
}

const NORMAL = [
  [
    'meeting',
    '{ meeting(collection: "seeds", path: "001_47f3fa9c104fb741.txt") { title attendees { name } passages { text speaker { name } source { startLine } } } }',
  ],
  ['meetings', '{ meetings(first: 50) { path date attendees { name } decisions { text people { name } } references { id } } }'],
  ['person', '{ person(name: "Alex Crichton") { name meetings { path attendees { name } } } }'],
  ['search', '{ search(text: "wasmtime release") { text meeting { path } source { url } } }'],
] as const;

async function expectNormalQueriesPass(on: FastifyInstance): Promise<void> {
  for (const [name, query] of NORMAL) {
    const { status, body } = await gql(query, undefined, on);
    expect(body.errors, name).toBeUndefined();
    expect(status, name).toBe(200);
  }
}

function refusedWith(res: { status: number; body: Body; raw: string }, status: number, code: string, message: RegExp): void {
  expect(res.status, res.raw).toBe(status);
  expect(res.body.errors?.[0], res.raw).toMatchObject({ message: expect.stringMatching(message), extensions: { code } });
  expectMasked(res.raw);
}

beforeAll(async () => {
  db = await seededDb();
  app = await make();
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await db?.close();
});

describe('query limits', () => {
  test('depth: a deep query, and one hidden in named fragments, are refused', async () => {
    let deep = 'id';
    for (let i = 0; i < 6; i++) deep = `attendees { meetings(first: 1) { ${deep} } }`;
    refusedWith(await gql(`{ meetings(first: 1) { ${deep} } }`), 400, 'QRM_ERR_TOO_COMPLEX', /nested 14 levels deep; the limit is 10/);
    // mercurius's own queryDepth does not follow named fragments; this does.
    const fragments = Array.from(
      { length: 6 },
      (_, i) => `fragment F${i} on Meeting { attendees { meetings(first: 1) { ${i === 5 ? 'id' : `...F${i + 1}`} } } }`,
    ).join('\n');
    refusedWith(
      await gql(`query Sneaky { meetings(first: 1) { ...F0 } }\n${fragments}`),
      400,
      'QRM_ERR_TOO_COMPLEX',
      /operation "Sneaky" is nested 14 levels deep/,
    );
    // A fragment cycle is refused by GraphQL's own rules, and does not hang the depth count.
    const cycle = await gql('{ meetings { ...A } } fragment A on Meeting { attendees { ...B } } fragment B on Person { meetings { ...A } }');
    expect(cycle.status).toBe(400);
    expect(cycle.body.errors?.[0]?.message).toMatch(/Cannot spread fragment "A" within itself/);
    await expectNormalQueriesPass(app);
  });

  test('aliases: more than 30 are refused, counting each use of a fragment', async () => {
    const many = Array.from({ length: 31 }, (_, i) => `a${i}: collections { name }`).join(' ');
    refusedWith(await gql(`{ ${many} }`), 400, 'QRM_ERR_TOO_COMPLEX', /uses 31 aliases; the limit is 30/);
    const six = Array.from({ length: 6 }, (_, i) => `x${i}: __typename`).join(' ');
    const spreads = Array.from({ length: 6 }, () => '...F').join(' ');
    refusedWith(await gql(`{ ${spreads} } fragment F on Query { ${six} }`), 400, 'QRM_ERR_TOO_COMPLEX', /uses 36 aliases/);
    await expectNormalQueriesPass(app);
  });

  test('cost: lists multiplied past 50,000 objects are refused, with literals, variables or defaults', async () => {
    refusedWith(
      await gql('{ meetings(first: 1000) { passages(first: 500) { text } } }'),
      400,
      'QRM_ERR_TOO_COMPLEX',
      /about 501000 objects; the limit is 50000/,
    );
    const q = 'query($n: Int) { meetings(first: $n) { passages(first: $n) { text } } }';
    refusedWith(await gql(q, { n: 1000 }), 400, 'QRM_ERR_TOO_COMPLEX', /objects; the limit is 50000/);
    expect((await gql(q, { n: 5 })).status).toBe(200);
    // Defaults count: 50 meetings × 500 passages each.
    refusedWith(await gql('{ meetings { passages { speaker { name } } } }'), 400, 'QRM_ERR_TOO_COMPLEX', /about 50050 objects/);
    // Aliases of a costly field add up.
    const twice = Array.from({ length: 3 }, (_, i) => `m${i}: meetings(first: 1000) { attendees { meetings { id } } }`).join(' ');
    refusedWith(await gql(`{ ${twice} }`), 400, 'QRM_ERR_TOO_COMPLEX', /objects; the limit is 50000/);
    await expectNormalQueriesPass(app);
  });

  test('tokens: a document of more than 3,000 tokens is refused before it is validated', async () => {
    const res = await gql(`{ ${'__typename '.repeat(3000)} }`);
    refusedWith(res, 400, 'QRM_ERR_TOO_COMPLEX', /Document contains more that 3000 tokens/);
    await expectNormalQueriesPass(app);
  });

  test('batching is off: an array of operations is refused', async () => {
    const res = await app.inject({ method: 'POST', url: '/graphql', payload: [{ query: '{ collections { name } }' }, { query: '{ collections { name } }' }] });
    refusedWith({ status: res.statusCode, body: res.json(), raw: res.body }, 400, 'QRM_ERR_BAD_INPUT', /body must be object/);
  });

  test('first is clamped to 1..1000', async () => {
    expect([clampFirst(1e9), clampFirst(-5), clampFirst(0), clampFirst(2.7), clampFirst('9'), clampFirst(undefined, 20)]).toEqual([1000, 1, 1, 2, 50, 20]);
    expect((await gql('{ meetings(first: -5) { id } }')).body.data.meetings).toHaveLength(1);
    const max = await gql('{ meetings(first: 2147483647) { id } }');
    expect(max.status).toBe(200);
    expect(max.body.data.meetings.length).toBeLessThanOrEqual(1000);
    refusedWith(await gql('{ meetings(first: 2147483648) { id } }'), 400, 'QRM_ERR_BAD_INPUT', /non 32-bit signed integer/);
  });

  test('body: more than 100 KiB is refused with 413', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: '{ collections { name } }', variables: { pad: 'x'.repeat(101 * 1024) } },
    });
    refusedWith({ status: res.statusCode, body: res.json(), raw: res.body }, 413, 'QRM_ERR_TOO_LARGE', /too large/);
    await expectNormalQueriesPass(app);
  });

  test('a query that is not GraphQL text (mercurius would take a JSON syntax tree) is refused', async () => {
    const ast = JSON.stringify(parse('{ collections { name } }'));
    refusedWith(await gql(ast), 400, 'QRM_ERR_BAD_INPUT', /must be GraphQL text/);
  });
});

describe('time and rate', () => {
  test('a request not answered within the per-request timeout gets 504 QRM_ERR_TIMEOUT', async () => {
    const slow = Object.assign(Object.create(db) as Db, {
      read: async (...a: Parameters<Db['read']>) => {
        await sleep(1500);
        return db.read(...a);
      },
    });
    const timed = await make({ db: slow, requestTimeoutMs: 300 });
    const t0 = Date.now();
    refusedWith(await gql('{ collections { name } }', undefined, timed), 504, 'QRM_ERR_TIMEOUT', /took too long/);
    expect(Date.now() - t0).toBeLessThan(1200);
    await expectNormalQueriesPass(app);
  });

  test('a Neo4j transaction over its timeout is stopped and reported as QRM_ERR_TIMEOUT', async () => {
    const t0 = Date.now();
    const err = await db.read('UNWIND range(1, 100000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n', {}, { timeoutMs: 500 }).catch((e) => e);
    expect(err).toBeInstanceOf(DbError);
    expect(err.kind).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(10_000);
    const stuck = Object.assign(Object.create(db) as Db, {
      read: (_c: string, p: Record<string, unknown>) =>
        db.read('UNWIND range(1, 100000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n', p, { timeoutMs: 300 }),
    });
    refusedWith(await gql('{ collections { name } }', undefined, await make({ db: stuck })), 504, 'QRM_ERR_TIMEOUT', /took too long/);
  });

  test('concurrency: past the requests running at once, requests wait in line; past the line, 503 QRM_ERR_BUSY at once', async () => {
    let inside = 0;
    let most = 0;
    const slow = Object.assign(Object.create(db) as Db, {
      read: async (...a: Parameters<Db['read']>) => {
        most = Math.max(most, ++inside);
        await sleep(300);
        inside -= 1;
        return db.read(...a);
      },
    });
    const lined = await make({ db: slow, maxConcurrent: 2, maxQueue: 3 });
    const t0 = Date.now();
    const answers = await Promise.all(Array.from({ length: 6 }, () => gql('{ collections { name } }', undefined, lined)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 503]);
    refusedWith(
      answers.find((a) => a.status === 503)!,
      503,
      'QRM_ERR_BUSY',
      /the server is busy; try again shortly/,
    );
    expect(most).toBe(2);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    // The line empties: all pass again.
    expect((await Promise.all(Array.from({ length: 4 }, () => gql('{ collections { name } }', undefined, lined)))).map((a) => a.status)).toEqual([
      200, 200, 200, 200,
    ]);
  });

  test('rate limit: past the limit a client gets 429 QRM_ERR_RATE_LIMITED, others are still served', async () => {
    const limited = await make({ rateLimit: 5 });
    for (let i = 0; i < 5; i++) expect((await gql('{ collections { name } }', undefined, limited, '10.0.0.1')).status).toBe(200);
    const over = await gql('{ collections { name } }', undefined, limited, '10.0.0.1');
    refusedWith(over, 429, 'QRM_ERR_RATE_LIMITED', /the limit is 5 a minute from one address; retry in/);
    expect((await gql('{ collections { name } }', undefined, limited, '10.0.0.2')).status).toBe(200);
  });
});

describe('errors are masked', () => {
  test('a failing Cypher query answers "internal error"; the log has the whole error', async () => {
    const lines: string[] = [];
    const broken = Object.assign(Object.create(db) as Db, { read: () => db.read('MATCH (m:Meeting WHERE m.secret = 1 RETURN m') });
    const a = await make({ db: broken, logger: { level: 'error', stream: { write: (l: string) => lines.push(l) } } });
    const res = await gql('{ meetings { id } }', undefined, a);
    refusedWith(res, 500, 'QRM_ERR_INTERNAL', /^internal error$/);
    expect(lines.join('\n')).toMatch(/"code":"Neo\.ClientError\.Statement\.SyntaxError"/);
    expect(lines.join('\n')).toMatch(/Invalid input 'RETURN'.*m\.secret = 1/);
  });

  test('bad JSON, an empty body, a wrong content type and a GET mutation are 4xx with a plain reason', async () => {
    for (const [payload, type] of [
      ['{"query": ', 'application/json'],
      ['', 'application/json'],
      ['query=x', 'application/x-www-form-urlencoded'],
    ] as const) {
      const res = await app.inject({ method: 'POST', url: '/graphql', payload, headers: { 'content-type': type } });
      expect(res.statusCode, payload).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, payload).toBeLessThan(500);
      expect(res.json().errors[0].extensions.code, payload).toBe('QRM_ERR_BAD_INPUT');
      expectMasked(res.body);
    }
  });
});

describe('production switches', () => {
  test('with introspection off, __schema and __type are refused however they are asked; __typename is not', async () => {
    const prod = await make({ introspection: false, graphiql: false });
    for (const q of [
      '{ __schema { types { name } } }',
      '{ __type(name: "Meeting") { fields { name } } }',
      '{ x: __schema { queryType { name } } }',
      '{ ...F } fragment F on Query { __type(name: "Person") { name } }',
      '{ ... on Query { __schema { directives { name } } } }',
      getIntrospectionQuery(),
    ])
      refusedWith(await gql(q, undefined, prod), 400, 'QRM_ERR_INTROSPECTION_OFF', /introspection is switched off/);
    const get = await prod.inject({ url: `/graphql?query=${encodeURIComponent('{ __type(name: "Query") { name } }')}` });
    expect(get.statusCode).toBe(400);
    expect((await gql('{ __typename collections { name } }', undefined, prod)).body).toEqual({ data: { __typename: 'Query', collections: expect.any(Array) } });
    expect((await prod.inject({ url: '/graphiql' })).statusCode).toBe(404);
    await expectNormalQueriesPass(prod);
  });

  test('with the defaults, GraphiQL is served and its introspection query passes every limit', async () => {
    expect((await app.inject({ url: '/graphiql' })).statusCode).toBe(200);
    const res = await gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true, directiveIsRepeatable: true }));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.__schema.queryType.name).toBe('Query');
  });
});

describe('read-only', () => {
  test('mutations and subscriptions are refused; the query files hold no write clause', async () => {
    expect((await gql('mutation { x }')).body.errors?.[0]?.message).toMatch(/not configured to execute mutation/);
    expect((await gql('subscription { x }')).body.errors?.[0]?.message).toMatch(/not configured to execute subscription/);
    for (const r of Object.values(loadQueries())) {
      expect(r.cypher.replace(/^\/\/.*$/gm, ''), r.name).not.toMatch(/\b(CREATE|MERGE|SET|DELETE|REMOVE|FOREACH|LOAD\s+CSV)\b/i);
    }
  });

  test('Neo4j itself refuses a write in the read transactions the API runs', async () => {
    const err = await db.read('CREATE (n:Pwned) RETURN n').catch((e) => e);
    expect(err).toBeInstanceOf(DbError);
    expect((await db.read('MATCH (n:Pwned) RETURN count(n) AS n'))[0]!.n).toBe(0);
  });
});

const PAYLOADS = [
  "' OR 1=1 //",
  '" OR ""="',
  "x'}) MATCH (n) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n //',
  '`) DETACH DELETE n //',
  "') RETURN 1 UNION MATCH (n) SET n.pwned = true RETURN 1 //",
  "x' CALL db.labels() YIELD label RETURN label //",
  '$collection',
  "\\' OR 1=1 --",
  '*:* OR text:*',
  'a AND (b OR',
  "LOAD CSV FROM 'http://127.0.0.1/x' AS l CREATE (:Pwned)",
  '1; DROP CONSTRAINT meeting_id',
  'x\nMATCH (n) DETACH DELETE n',
  '\u0000\u202e{}',
];

describe('Cypher injection', () => {
  test('in every argument of every root field: answered or refused cleanly, the graph unchanged', async () => {
    const before = await fingerprint(db);
    // Our own copy: under vitest, mercurius's schema comes from another copy of graphql.
    const query = buildSchema(schemaText()).getQueryType()!;
    let sent = 0;
    // Root fields with a resolver (the four question fields come with the topics work).
    for (const field of Object.values(query.getFields()).filter((f) => f.name in resolvers.Query)) {
      for (const target of field.args) {
        await Promise.all(
          PAYLOADS.map(async (value) => {
            const res = await gql(documentFor(field, target.name), { v: value, ...fillers(field, target.name) });
            sent += 1;
            expect([200, 400], `${field.name}(${target.name}): ${res.raw}`).toContain(res.status);
            expectMasked(res.raw, value);
          }),
        );
      }
    }
    expect(sent).toBeGreaterThan(100);
    const after = await fingerprint(db);
    expect(after.hash, difference(before, after)).toBe(before.hash);
    expect((await db.read('MATCH (n) WHERE n:Pwned OR n.pwned IS NOT NULL RETURN count(n) AS n'))[0]!.n).toBe(0);
  });

  test('in every field of an ingested note and its config: stored as text; removing the note restores the graph', async () => {
    const before = await fingerprint(db);
    const dir = mkdtempSync(join(tmpdir(), 'quorum-inject-'));
    const collection = "c'}) MATCH (n) DETACH DELETE n //";
    const name = "notes '}) SET n.pwned = 1 `$x`.md";
    const title = "Sync '}) MATCH (n) DETACH DELETE n //";
    const text = [
      `# ${title}`,
      '',
      'Date: 2026-01-05',
      'Attendees: Robert\'); DROP TABLE Students;--, Eve" OR 1=1 //, Mallory `}) SET n.pwned = true //',
      '',
      '## Notes',
      '',
      "- Robert: we decided to MATCH (n) DETACH DELETE n, see #1' OR '1'='1",
      "- **Decision:** adopt $rows and {props} '}) RETURN 1 //",
      '- **Action:** Eve" OR ""=" to file https://github.com/own\'er/re"po/issues/1?x=\'})',
      "- [link '}) //](https://example.com/'})%20DETACH%20DELETE%20n)",
      '',
      '| who | what |',
      '|---|---|',
      "| '}) MATCH (n) SET n.pwned=1 // | `CALL dbms.killQueries()` |",
    ].join('\n');
    writeFileSync(join(dir, name), text);
    const config = {
      ...emptyConfig(),
      urlBase: "https://example.com/'}) DETACH DELETE n //",
      people: [{ name: "Robert'); DROP TABLE Students;--", aliases: ['R"})//'], handles: ["rob'})"] }],
    };
    try {
      const s = await ingestFolder({ db, folder: dir, collection, config });
      expect(s).toMatchObject({ meetings: 1, failed: 0 });
      const [m] = await db.read('MATCH (m:Meeting {collection: $collection}) RETURN m.path AS path, m.title AS title, m.url AS url', { collection });
      // The path is percent-encoded in the link (spaces, quotes, braces, backticks, `$`, `=`); the URL base is the config's as given.
      expect(m).toEqual({ path: name, title, url: `${config.urlBase}/notes%20'%7D)%20SET%20n.pwned%20%3D%201%20%60%24x%60.md` });
      const texts = (await db.read('MATCH (x:Passage {meetingId: $id}) RETURN x.text AS t', { id: `${collection}/${name}` })).map((r) => r.t as string);
      expect(texts).toContain("Robert: we decided to MATCH (n) DETACH DELETE n, see #1' OR '1'='1");
      const people = (await db.read('MATCH (p:Person)-[:ATTENDED]->(:Meeting {collection: $collection}) RETURN p.name AS n', { collection })).map((r) => r.n);
      // Whatever the extractors made of the names, they are pieces of the text.
      expect(people.length).toBeGreaterThan(0);
      for (const p of people) expect(text).toContain(p);
      expect((await db.read('MATCH (n) WHERE n:Pwned OR n.pwned IS NOT NULL RETURN count(n) AS n'))[0]!.n).toBe(0);
      const res = await gql('query($c: String!, $p: String!) { meeting(collection: $c, path: $p) { title passages { text } } }', { c: collection, p: name });
      expect(res.body.data.meeting.title).toBe(title);

      rmSync(join(dir, name));
      expect(await ingestFolder({ db, folder: dir, collection, config })).toMatchObject({ deleted: 1 });
      const after = part(await fingerprint(db), (key) => key !== collection);
      expect(after.hash, difference(before, after)).toBe(before.hash);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A document asking `field` with `$v` as `arg` (other required arguments from fillers). */
function documentFor(field: GraphQLField<unknown, unknown>, arg: string): string {
  // The payload goes in with the argument's own type: a String is matched as text, anything else refused.
  const defs = [`$v: ${getNamedType(field.args.find((a) => a.name === arg)!.type).name}`];
  const args = [`${arg}: $v`];
  for (const a of field.args) {
    if (a.name === arg || !isNonNullType(a.type)) continue;
    defs.push(`$${a.name}: ${a.type.toString()}`);
    args.push(`${a.name}: $${a.name}`);
  }
  const type = getNamedType(field.type);
  const selection = isLeafType(type) || isInputObjectType(type) ? '' : ' { __typename }';
  return `query(${defs.join(', ')}) { ${field.name}(${args.join(', ')})${selection} }`;
}

function fillers(field: GraphQLField<unknown, unknown>, arg: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of field.args) if (a.name !== arg && isNonNullType(a.type)) out[a.name] = getNamedType(a.type).name === 'Int' ? 1 : 'x';
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
