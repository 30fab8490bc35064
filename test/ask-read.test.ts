/**
 * `ask` reads plain-English questions: a table of phrasings in our own words,
 * several per kind, with the interpretation each must get; and questions it
 * cannot read, which must get the message and suggestions, not a guess.
 */
import { describe, expect, test } from 'vitest';
import { dateRange, readQuestion } from '../api/read-question.js';

type Want = { kind: string; topic?: string; person?: string; collection?: string; series?: string; from?: string; to?: string };

const TABLE: [string, Want][] = [
  // WHO_DISCUSSED
  ['Who discussed stack switching?', { kind: 'WHO_DISCUSSED', topic: 'stack switching' }],
  ['who talked about the pulley interpreter', { kind: 'WHO_DISCUSSED', topic: 'pulley interpreter' }],
  ['Who has been discussing async lowering lately?', { kind: 'WHO_DISCUSSED', topic: 'async lowering' }],
  ['who brought up epoch interruption', { kind: 'WHO_DISCUSSED', topic: 'epoch interruption' }],
  ['which people spoke about "custom page sizes"?', { kind: 'WHO_DISCUSSED', topic: 'custom page sizes' }],
  ['who was involved in the discussion about wasi-http', { kind: 'WHO_DISCUSSED', topic: 'wasi-http' }],
  ['who mentioned fuel metering in 2025?', { kind: 'WHO_DISCUSSED', topic: 'fuel metering', from: '2025-01-01', to: '2025-12-31' }],
  ['Who talks about tail calls in the examples collection', { kind: 'WHO_DISCUSSED', topic: 'tail calls', collection: 'examples' }],
  ['who raised memory64 at the runtime meetings', { kind: 'WHO_DISCUSSED', topic: 'memory64', series: 'runtime' }],
  ['people who debated the release cadence', { kind: 'WHO_DISCUSSED', topic: 'release cadence' }],
  // DECISIONS
  ['What did we decide about the LTS policy?', { kind: 'DECISIONS', topic: 'LTS policy' }],
  ['what have we agreed regarding fuzzing budgets', { kind: 'DECISIONS', topic: 'fuzzing budgets' }],
  ['What was decided about winch?', { kind: 'DECISIONS', topic: 'winch' }],
  ['which decisions were made about component model resources', { kind: 'DECISIONS', topic: 'component model resources' }],
  ['decisions about the release process since March 2026', { kind: 'DECISIONS', topic: 'release process', from: '2026-03-01' }],
  ['did they decide anything about GC?', { kind: 'DECISIONS', topic: 'GC' }],
  ['What did the team conclude on threads before 2026-02-01', { kind: 'DECISIONS', topic: 'threads', to: '2026-01-31' }],
  ['what outcomes were reached on pooling allocation', { kind: 'DECISIONS', topic: 'pooling allocation' }],
  // FOLLOW_UPS
  ['Which PRs followed the fuzzing discussion?', { kind: 'FOLLOW_UPS', topic: 'fuzzing' }],
  ['what issues came out of the async work', { kind: 'FOLLOW_UPS', topic: 'async' }],
  ['which pull requests have followed from stack maps', { kind: 'FOLLOW_UPS', topic: 'stack maps' }],
  ['Which issues are there about the debugger?', { kind: 'FOLLOW_UPS', topic: 'debugger' }],
  ['PRs about wasi preview 3', { kind: 'FOLLOW_UPS', topic: 'wasi preview 3' }],
  ['what tickets resulted from the CI outage', { kind: 'FOLLOW_UPS', topic: 'CI outage' }],
  ['which RFCs followed resource types in the seeds collection', { kind: 'FOLLOW_UPS', topic: 'resource types', collection: 'seeds' }],
  // EVOLUTION
  ['How did the component model evolve?', { kind: 'EVOLUTION', topic: 'component model' }],
  ['how has exception handling changed over time', { kind: 'EVOLUTION', topic: 'exception handling' }],
  ['history of the cranelift register allocator', { kind: 'EVOLUTION', topic: 'cranelift register allocator' }],
  ['What is the timeline of WASI 0.3?', { kind: 'EVOLUTION', topic: 'WASI 0.3' }],
  ['how did the discussion about code signing develop', { kind: 'EVOLUTION', topic: 'code signing' }],
  [
    'show me the story of the security policy between January 2026 and April 2026',
    { kind: 'EVOLUTION', topic: 'security policy', from: '2026-01-01', to: '2026-04-30' },
  ],
  ['how have SIMD plans progressed', { kind: 'EVOLUTION', topic: 'SIMD plans' }],
  // LAST_DISCUSSED
  ['When did we last talk about pulley?', { kind: 'LAST_DISCUSSED', topic: 'pulley' }],
  ['when have we last discussed the 1.0 release', { kind: 'LAST_DISCUSSED', topic: '1.0 release' }],
  ['When was GC last mentioned?', { kind: 'LAST_DISCUSSED', topic: 'GC' }],
  ['when did memory64 last come up', { kind: 'LAST_DISCUSSED', topic: 'memory64' }],
  ['the last time we discussed branch hinting', { kind: 'LAST_DISCUSSED', topic: 'branch hinting' }],
  ['When was the most recent meeting about wasi-nn?', { kind: 'LAST_DISCUSSED', topic: 'wasi-nn' }],
  ['latest discussion of the docs site in the examples collection', { kind: 'LAST_DISCUSSED', topic: 'docs site', collection: 'examples' }],
  // WORKING_ON
  ["What's Alex Crichton working on?", { kind: 'WORKING_ON', person: 'Alex Crichton' }],
  ['what is Nick working on these days', { kind: 'WORKING_ON', person: 'Nick' }],
  ['What has Till been working on?', { kind: 'WORKING_ON', person: 'Till' }],
  ['what has Saúl been up to lately', { kind: 'WORKING_ON', person: 'Saúl' }],
  ['what does Chris Fallin work on', { kind: 'WORKING_ON', person: 'Chris Fallin' }],
  ["please tell me what is Pat's current work", { kind: 'WORKING_ON', person: 'Pat' }],
];

describe('ask reads', () => {
  test('the table has at least 40 phrasings and every kind several times', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
    const per = new Map<string, number>();
    for (const [, w] of TABLE) per.set(w.kind, (per.get(w.kind) ?? 0) + 1);
    expect([...per.keys()].sort()).toEqual(['DECISIONS', 'EVOLUTION', 'FOLLOW_UPS', 'LAST_DISCUSSED', 'WHO_DISCUSSED', 'WORKING_ON']);
    for (const n of per.values()) expect(n).toBeGreaterThanOrEqual(5);
  });

  test.each(TABLE)('%s', (question, want) => {
    const r = readQuestion(question);
    expect(r.understood, JSON.stringify(r)).toBe(true);
    if (!r.understood) return;
    const { kind, topic, person, collection, series, from, to } = r.interpretation;
    expect({ kind, topic, person, collection, series, from, to }).toEqual({
      topic: null,
      person: null,
      collection: null,
      series: null,
      from: null,
      to: null,
      ...want,
    });
  });
});

describe('ask does not guess', () => {
  const UNREAD = [
    'pulley',
    'tell me a joke',
    'why is the build slow?',
    'delete all meetings',
    '',
    'who',
    'what did we decide about',
    'is GC good or bad?',
    'list everything',
    'how many meetings were there in 2025',
  ];
  test.each(UNREAD)('"%s" gets the message and suggestions', (question) => {
    const r = readQuestion(question);
    expect(r.understood).toBe(false);
    if (r.understood) return;
    expect(r.message).toMatch(/could not read|empty/);
    expect(r.suggestions.length).toBeGreaterThanOrEqual(6);
    // Every suggestion is itself a question ask reads.
    for (const s of r.suggestions) expect(readQuestion(s).understood, s).toBe(true);
  });

  test('a bare topic is offered back in every question form', () => {
    const r = readQuestion('epoch interruption');
    expect(r.understood).toBe(false);
    if (!r.understood) expect(r.suggestions).toContain('who discussed epoch interruption');
  });
});

describe('dates as written', () => {
  test.each([
    ['2026-03-04', ['2026-03-04', '2026-03-04']],
    ['2024-02', ['2024-02-01', '2024-02-29']],
    ['March 2026', ['2026-03-01', '2026-03-31']],
    ['Feb 3rd, 2025', ['2025-02-03', '2025-02-03']],
    ['2025', ['2025-01-01', '2025-12-31']],
  ])('%s', (text, range) => expect(dateRange(text)).toEqual(range));
  test('a date that is no calendar date is none', () => {
    expect(dateRange('2026-02-30')).toBeNull();
    expect(dateRange('2026-13')).toBeNull();
  });
});
