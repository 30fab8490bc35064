// The questions `npm run bench` asks the API: one line per case, for each root
// field of the contract, with arguments that find something (large and small
// answers) and that find nothing. `peer` is the equivalent question for
// @neo4j/graphql over the same graph (bench/peer.graphql), where the library
// has one; `terms(text)` is the Lucene query Quorum builds from free text.
// Adding a root field (or a case) is one more line.

const MEETING = 'path date title attendees { name }';

export const CASES = [
  {
    field: 'meeting',
    name: 'meeting (rich)',
    query:
      '{ meeting(collection: "bytecodealliance-meetings", path: "wasmtime/2025/wasmtime-06-05.md") { id title date attendees { name } speakers { name } references { id kind } decisions { text } actionItems { text owner { name } } } }',
    peer: () =>
      '{ meetings(where: { collection: { eq: "bytecodealliance-meetings" }, path: { eq: "wasmtime/2025/wasmtime-06-05.md" } }) { id title date attendees { name } speakers { name } references { id kind } decisions { text } actionItems { text owner { name } } } }',
  },
  {
    field: 'meeting',
    name: 'meeting (absent)',
    query: '{ meeting(collection: "bytecodealliance-meetings", path: "no/such-note.md") { id title } }',
    peer: () => '{ meetings(where: { collection: { eq: "bytecodealliance-meetings" }, path: { eq: "no/such-note.md" } }) { id title } }',
  },
  {
    field: 'meetings',
    name: 'meetings (50, attendees)',
    query: `{ meetings(collection: "webassembly-meetings", first: 50) { ${MEETING} } }`,
    peer: () =>
      `{ meetings(where: { collection: { eq: "webassembly-meetings" } }, sort: [{ date: DESC }, { collection: ASC }, { path: ASC }], limit: 50) { ${MEETING} } }`,
  },
  {
    field: 'meetings',
    name: 'meetings (series, 2025)',
    query: '{ meetings(series: "wasmtime", from: "2025-01-01", to: "2025-12-31", first: 10) { path date title } }',
    peer: () =>
      '{ meetings(where: { series: { eq: "wasmtime" }, date: { gte: "2025-01-01", lte: "2025-12-31" } }, sort: [{ date: DESC }, { collection: ASC }, { path: ASC }], limit: 10) { path date title } }',
  },
  {
    field: 'person',
    name: 'person (frequent)',
    query: '{ person(name: "Alex Crichton") { id name aliases meetings(first: 20) { path date } } }',
    peer: () => '{ people(where: { name: { eq: "Alex Crichton" } }) { id name aliases meetings(sort: [{ date: DESC }], limit: 20) { path date } } }',
  },
  {
    field: 'person',
    name: 'person (unknown)',
    query: '{ person(name: "Nobody Atall") { id name } }',
    peer: () => '{ people(where: { name: { eq: "Nobody Atall" } }) { id name } }',
  },
  {
    field: 'search',
    name: 'search (common words)',
    query: '{ search(text: "component model", first: 20) { text source { path startLine } meeting { title } speaker { name } } }',
    peer: ({ terms }) =>
      `{ passagesByTerms(phrase: ${JSON.stringify(terms('component model'))}, first: 20) { edges { score node { text startLine meeting { path title } speaker { name } } } } }`,
  },
  {
    field: 'search',
    name: 'search (no match)',
    query: '{ search(text: "xylophone quasar", first: 20) { text } }',
    peer: ({ terms }) => `{ passagesByTerms(phrase: ${JSON.stringify(terms('xylophone quasar'))}, first: 20) { edges { node { text } } } }`,
  },
  {
    field: 'discussions',
    name: 'discussions (wasi preview 2)',
    query: '{ discussions(topic: "wasi preview 2", first: 10) { meeting { path date } people { name } passages { text } } }',
  },
  { field: 'discussions', name: 'discussions (no such topic)', query: '{ discussions(topic: "xylophone quasar") { meeting { path } } }' },
  { field: 'decisions', name: 'decisions (release)', query: '{ decisions(about: "release", first: 10) { text meeting { path date } people { name } } }' },
  { field: 'decisions', name: 'decisions (no such topic)', query: '{ decisions(about: "xylophone quasar") { text } }' },
  {
    field: 'followUps',
    name: 'followUps (garbage collection)',
    query: '{ followUps(topic: "garbage collection", first: 20) { reference { id kind title } firstMeeting { path date } } }',
  },
  { field: 'followUps', name: 'followUps (no such topic)', query: '{ followUps(topic: "xylophone quasar") { reference { id } } }' },
  {
    field: 'timeline',
    name: 'timeline (a reference)',
    query: '{ timeline(ref: "bytecodealliance/rfcs#28") { meeting { path date } passages { text } decisions { text } } }',
  },
  { field: 'timeline', name: 'timeline (a topic)', query: '{ timeline(ref: "garbage collection") { meeting { path date } passages { text } } }' },
  { field: 'collections', name: 'collections', query: '{ collections { name meetings firstDate lastDate } }' },
];
