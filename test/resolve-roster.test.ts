/** One roster per collection (ingest/resolve/roster.ts) and the roster file (ingest/read/roster-file.ts). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCollectionConfig } from '../ingest/read/config.js';
import { listNotes } from '../ingest/read/read.js';
import { parseRosterFile, ROSTER_FILE } from '../ingest/read/roster-file.js';
import { PeopleDirectory } from '../ingest/resolve/people.js';
import { collectionRoster, rosterKey } from '../ingest/resolve/roster.js';
import type { MeetingRecord, PersonRecord } from '../ingest/types.js';

const person = (name: string, aliases: string[] = [], handles: string[] = []): PersonRecord => ({ name, aliases, handles });
const meeting = (...people: PersonRecord[]): MeetingRecord => ({ people }) as unknown as MeetingRecord;

/** The Person ids a directory gives after observing the meetings. */
function directory(records: MeetingRecord[], entries: ConstructorParameters<typeof PeopleDirectory>[0] = []): PeopleDirectory {
  const d = new PeopleDirectory(entries);
  d.observe(records);
  return d;
}

describe("a collection's roster", () => {
  test('initials one note gives a full name resolve the same initials alone in another note', () => {
    const notes = [meeting(person('Rosa Diaz', ['RD']), person('Omar Haddad')), meeting(person('RD'), person('OH'))];
    const d = directory(notes);
    expect(d.idOf(person('RD'))).toBe(d.idOf(person('Rosa Diaz')));
    // Omar's initials are written nowhere next to his name: left as written.
    expect(d.idOf(person('OH'))).toBe('oh');
  });

  test('a handle one note gives a full name resolves the handle alone, with or without @', () => {
    const d = directory([meeting(person('Wen Li', [], ['wenli'])), meeting(person('wenli'))]);
    expect(d.idOf(person('wenli'))).toBe('wen li');
    expect(d.idOf(person('@wenli', [], ['wenli']))).toBe('wen li');
  });

  test('initials two people are written with, or that fit two full names, stay as written', () => {
    const said = collectionRoster([person('Alan Turing', ['AT']), person('Ada Tanaka', ['AT'])]);
    expect(said.has(rosterKey('initials', 'AT'))).toBe(false);
    // Only Alan is written with "AT", but Ada Tanaka's name fits it too.
    const fits = directory([meeting(person('Alan Turing', ['AT'])), meeting(person('Ada Tanaka')), meeting(person('AT'))]);
    expect(fits.idOf(person('AT'))).toBe('at');
  });

  test("a handle nearly every note gives one full name is theirs despite a stray misreading; a split one is no one's", () => {
    const many = Array.from({ length: 12 }, () => meeting(person('Nicholas Zakas', [], ['nzakas'])));
    const stray = directory([...many, meeting(person('Nicholas Zakas Singh', [], ['nzakas'])), meeting(person('nzakas'))]);
    expect(stray.idOf(person('nzakas'))).toBe('nicholas zakas');
    const split = directory([meeting(person('Ann Lee', [], ['al1'])), meeting(person('Bo Chan', [], ['al1'])), meeting(person('al1'))]);
    expect(split.idOf(person('al1'))).toBe('al1');
  });

  test('a first name alone is the one full name of the collection that begins with it', () => {
    const d = directory([meeting(person('Priya Natarajan', ['PN'])), meeting(person('Priya'))]);
    expect(d.idOf(person('Priya'))).toBe('priya natarajan');
    expect(d.idOf(person('PN'))).toBe('priya natarajan');
  });

  test('a first name two people share stays as written, unless one holds nearly every note that writes it in full', () => {
    const shared = directory([meeting(person('Sam Okafor')), meeting(person('Sam Reyes')), meeting(person('Sam'))]);
    expect(shared.idOf(person('Sam'))).toBe('sam');
    const most = Array.from({ length: 9 }, () => meeting(person('Sam Okafor')));
    const d = directory([...most, meeting(person('Sam Reyes')), meeting(person('Sam'))]);
    expect(d.idOf(person('Sam'))).toBe('sam okafor');
  });

  test("a first name the collection writes in full wins over a handle another collection's person has", () => {
    const d = new PeopleDirectory([], [{ id: 'anton kirilov', handles: ['anton'] }]);
    d.observe([meeting(person('Anton Bershanskyi')), meeting(person('anton', [], ['anton']))]);
    expect(d.idOf(person('anton', [], ['anton']))).toBe('anton bershanskyi');
    const elsewhere = new PeopleDirectory([], [{ id: 'anton kirilov', handles: ['anton'] }]);
    elsewhere.observe([meeting(person('anton', [], ['anton']))]);
    expect(elsewhere.idOf(person('anton', [], ['anton']))).toBe('anton kirilov');
  });

  test("a first name is first the meeting's own person of that name, then its series'", () => {
    const inSeries = (series: string, ...people: PersonRecord[]) => ({ series, people }) as unknown as MeetingRecord;
    const notes = [
      ...Array.from({ length: 9 }, () => inSeries('core', person('Sam Okafor'))),
      inSeries('docs', person('Sam Reyes')),
      inSeries('docs', person('Sam Reyes')),
    ];
    const d = directory(notes);
    expect(d.idOf(person('Sam'), inSeries('core', person('Sam')))).toBe('sam okafor');
    expect(d.idOf(person('Sam'), inSeries('docs', person('Sam')))).toBe('sam reyes');
    expect(d.idOf(person('Sam'), inSeries('core', person('Sam'), person('Sam Reyes')))).toBe('sam reyes');
  });

  test("a handle that is another person's first name is not tied to anyone", () => {
    const d = directory([meeting(person('Dana Scully', [], ['fox'])), meeting(person('Fox Mulder')), meeting(person('fox'))]);
    expect(d.idOf(person('fox'))).toBe('fox');
  });

  test('people the graph already names for the collection count as its other notes', () => {
    const d = new PeopleDirectory();
    d.observe([meeting(person('RD'))], [person('Rosa Diaz', ['RD'])]);
    expect(d.idOf(person('RD'))).toBe('rosa diaz');
  });

  test("the people file's forms win over what the notes suggest", () => {
    const notes = [meeting(person('Karen Smith', ['KS'])), meeting(person('KS'))];
    const d = directory(notes, [{ name: 'Kenji Sato', aliases: ['KS'], handles: ['ksato'] }]);
    expect(d.idOf(person('KS'))).toBe('kenji sato');
    expect(d.idOf(person('ksato'))).toBe('kenji sato');
  });
});

describe('the roster file', () => {
  test('reads a line a person, with initials and handles in the forms people write them', () => {
    const { people, messages } = parseRosterFile(
      [
        '# Who is who',
        '',
        '- Ada Lovelace (AL) @ada',
        '* Charles Babbage (CB, @cbabbage)',
        'Marius van der Wijden (MVDW) https://github.com/mariusvdw',
        '- Mary Somerville (Royal Society)',
        'this line says nothing about anyone',
      ].join('\n'),
    );
    expect(people).toEqual([
      { name: 'Ada Lovelace', aliases: ['AL'], handles: ['ada'] },
      { name: 'Charles Babbage', aliases: ['CB'], handles: ['cbabbage'] },
      { name: 'Marius van der Wijden', aliases: ['MVDW'], handles: ['mariusvdw'] },
      // An organisation in brackets is neither initials nor a handle.
      { name: 'Mary Somerville', aliases: [], handles: [] },
    ]);
    expect(messages.map((m) => m.line)).toEqual([7]);
  });

  test('reads a markdown table by its header', () => {
    const { people } = parseRosterFile(['| Handle | Name | Initials |', '|---|---|---|', '| @ghopper | Grace Hopper | GH |', '| | Alan Kay | AK |'].join('\n'));
    expect(people).toEqual([
      { name: 'Grace Hopper', aliases: ['GH'], handles: ['ghopper'] },
      { name: 'Alan Kay', aliases: ['AK'], handles: [] },
    ]);
  });

  test('is read with the config and is never listed as a note', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quorum-roster-'));
    try {
      await writeFile(join(dir, ROSTER_FILE), '- Ada Lovelace (AL) @ada\n');
      await writeFile(join(dir, '2024-01-02.md'), '# Sync\n\nAL: hello\n');
      const { config } = await loadCollectionConfig(dir);
      expect(config.people).toEqual([{ name: 'Ada Lovelace', aliases: ['AL'], handles: ['ada'] }]);
      expect((await listNotes(dir)).files).toEqual(['2024-01-02.md']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
