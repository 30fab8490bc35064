/**
 * Words that name members of Object.prototype (`constructor`, `toString`,
 * `__proto__`, …) wherever text from a note or a config becomes a lookup
 * key. Such a word once came back from a plain object as a function, and
 * the whole meeting was lost ("the Buffer constructor #19079" gave
 * `repo.split is not a function`). Each word must give the facts its
 * control (the same shape, naming nothing) gives, and the right ones.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { buildSchema, parse } from 'graphql';
import { describe, expect, test } from 'vitest';
import { queryCost } from '../api/limits.js';
import { parseFloors, raise } from '../eval/floors.js';
import { parseCollectionConfig } from '../ingest/read/config.js';
import { extractMeeting } from '../ingest/extract/extract.js';
import { parseNote } from '../ingest/parse/parse.js';
import { projectFile } from '../schema/paths.js';
import { control, controlCase, extractCase, facts, PROTOTYPE_WORDS, protoCase, type Place } from './support/prototype-words.js';

const RUNS = Number(process.env.QUORUM_FUZZ_RUNS ?? 150);
const PLACES: Place[] = ['series', 'word', 'absent'];

describe('a word naming an Object.prototype member, in every place text becomes a key', () => {
  test('the words include __proto__ and the members that are functions', () => {
    expect(PROTOTYPE_WORDS).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__']));
  });

  describe.each(PLACES)('config key and series: %s', (place) => {
    test.each(PROTOTYPE_WORDS)('%s: the right facts, and those of its control', (w) => {
      const { record } = extractCase(protoCase(w, place));
      const core = w.replace(/^_+|_+$/g, '');
      expect(record.title).toBe(`${core} meeting 2024-03-04`);
      expect(record.date).toBe('2024-03-04');
      expect(record.series).toBe(place === 'series' ? w.toLowerCase() : 'team');
      const refs = record.references.map((r) => r.id);
      // A bare number takes the series' repository; the word before #19079 names the configured one.
      expect(refs).toContain(place === 'series' ? 'acme/series-repo#741' : 'acme/engine#741');
      // Markdown reads `__x__` as emphasis, and a word that starts with `_` is read as no repository word (as its control is not).
      if (place === 'word') expect(refs).toContain(/^[a-z]/i.test(w) ? 'acme/word-repo#19079' : 'acme/engine#19079');
      for (const id of refs) expect(id).toMatch(/^[\w.-]+\/[\w.-]+#\d+$/);
      const names = record.attendees.map((i) => record.people[i]!.name);
      expect(names).toEqual(expect.arrayContaining(['Alice Jones', 'Bob Smith']));
      expect(record.decisions).toHaveLength(1);
      expect(record.actionItems.map((a) => (a.owner === null ? null : record.people[a.owner]!.name))).toEqual(['Bob Smith']);
      expect(record.topics.map((t) => t.name).some((n) => n.includes(core))).toBe(true);
      expect(facts(record, w)).toEqual(facts(extractCase(controlCase(w, place)).record, control(w)));
    });
  });

  test('a config reads its keys into Maps: `__proto__` is a plain key, and a member name finds nothing', () => {
    const config = parseCollectionConfig(
      '{ "repositories": { "__proto__": "acme/a", "Constructor": "acme/b" }, "__proto__": { "repositories": { "x": "acme/x" } } }',
      'quorum.json',
    );
    expect([...config.repositories]).toEqual([
      ['__proto__', 'acme/a'],
      ['constructor', 'acme/b'],
    ]);
    for (const w of PROTOTYPE_WORDS) if (w !== '__proto__' && w !== 'constructor') expect(config.repositories.get(w.toLowerCase())).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test('floors keyed by a collection named after a member read their own row or none', () => {
    const floors = parseFloors('{ "margin": 0.02, "extraction": { "constructor": { "dates": 0.5 } }, "questions": {} }');
    expect(floors.extraction.constructor).toEqual({ dates: 0.5 });
    for (const w of PROTOTYPE_WORDS) if (w !== 'constructor') expect(floors.extraction[w]).toBeUndefined();
    const moved = raise(floors.extraction, Object.fromEntries(PROTOTYPE_WORDS.map((w) => [w, { dates: 0.9 }])), 0.02);
    expect(moved).toHaveLength(PROTOTYPE_WORDS.length);
    expect(Object.keys(floors.extraction).sort()).toEqual([...PROTOTYPE_WORDS].sort());
    expect(({} as Record<string, unknown>).dates).toBeUndefined();
  });

  test("the API's cost estimate reads a variable named after a member only from what the client sent", () => {
    const text = ['dashboard.graphql', 'quorum.graphql'].map((f) => readFileSync(projectFile('schema', f), 'utf8')).join('\n');
    const schema = buildSchema(text);
    for (const w of PROTOTYPE_WORDS.filter((x) => /^[A-Za-z_]\w*$/.test(x))) {
      const doc = parse(`query($${w}: Int = 3) { meeting(collection: "c", path: "p") { passages(first: $${w}) { text } } }`);
      // One meeting and `first` passages: the default (3) when the variable is not sent, else what was sent.
      expect(queryCost(schema, doc, {}, 20), w).toBe(4);
      expect(queryCost(schema, doc, JSON.parse(`{ ${JSON.stringify(w)}: 7 }`) as Record<string, unknown>, 20), w).toBe(8);
    }
  });
});

describe('random notes with member names in every place', () => {
  const word = fc.constantFrom(...PROTOTYPE_WORDS);
  // Lines of a note with `§` where the member name goes.
  const line = fc.constantFrom(
    '# § sync',
    '## §',
    '### Review of §',
    '§: I think § is fine.',
    'Alice: the Buffer § #42 needs a look.',
    '- § #9',
    '- Bob to fix § (#12)',
    'Attendees: Alice, @§, §',
    '| Name | Handle |',
    '|---|---|',
    '| § | @§ |',
    'Decision: we keep §.',
    'Action: § to review it.',
    '- [ ] @§ update the § docs',
    '> § said so',
    '`§`',
    '**§:** yes',
    'We talked about § and #3.',
    '',
    '',
  );
  const note = fc.record({
    w: word,
    lines: fc.array(line, { minLength: 1, maxLength: 14 }),
    inFolder: fc.boolean(),
    keys: fc.subarray(['series', 'star', 'word'] as const),
  });

  const build = ({ lines, inFolder, keys }: { lines: string[]; inFolder: boolean; keys: readonly string[] }, w: string) => {
    // Entries, not assignments: `o['__proto__'] = …` would set the object's prototype, not a key.
    const repositories: [string, string][] = [];
    if (keys.includes('star')) repositories.push(['*', 'acme/engine']);
    if (keys.includes('series') || keys.includes('word')) repositories.push([w.toLowerCase(), 'acme/by-word']);
    const configText = JSON.stringify({ repositories: Object.fromEntries(repositories), people: [{ name: 'Ada Lovelace', aliases: [w], handles: [w] }] });
    const text = lines.map((l) => l.replaceAll('§', w)).join('\n');
    const path = inFolder ? `${w}/2024/${w}-05-06.md` : `notes-05-06-2024.md`;
    const config = parseCollectionConfig(configText, 'quorum.json');
    return extractMeeting(parseNote({ collection: 'fuzz', path, text, sha256: 'x', bytes: text.length }), config);
  };

  test('never throw, and give the facts of the control word', () => {
    fc.assert(
      fc.property(note, (n) => {
        const record = build(n, n.w);
        for (const r of record.references) expect(r.id).toMatch(/^(?:[\w.-]+\/[\w.-]+#\d+|crate:.+|[A-Z]+-\d{4}-\d+)$/);
        for (const p of record.people) expect(typeof p.name).toBe('string');
        expect(facts(record, n.w)).toEqual(facts(build(n, control(n.w)), control(n.w)));
      }),
      { numRuns: RUNS },
    );
  });
});
