import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { emptyConfig } from '../ingest/read/config.js';
import { extractPeople, resolvePersonName } from '../ingest/extract/people.js';
import { parseNote } from '../ingest/parse/parse.js';

const run = (text: string, path = 'team/2024/team-05-02.md') => {
  const note = parseNote({ collection: 'test', path, text, sha256: '', bytes: text.length });
  const result = extractPeople(note, emptyConfig());
  const attendees = result.attendees.map((i) => result.people[i]!.name);
  const speakerIds = [...new Set(result.speakerOf.filter((s): s is number => s !== null))];
  const speakers = speakerIds.map((i) => result.people[i]!.name);
  /** The speaker of the block whose text starts so. */
  const speakerAt = (start: string) => {
    const b = note.blocks.find((x) => x.kind !== 'heading' && x.text.startsWith(start));
    if (!b) throw new Error(`no block starts with ${start}`);
    const s = b ? result.speakerOf[b.id] : null;
    return s === null || s === undefined ? null : result.people[s]!.name;
  };
  const person = (name: string) => result.people.find((p) => p.name === name);
  return { note, result, attendees, speakers, speakerAt, person };
};

describe('attendee lists', () => {
  test('bullets under an Attendees heading drop organisations, roles, initials and handles from the name', () => {
    const { attendees, person } = run(
      [
        '# Runtime call',
        '',
        '## Attendees',
        '',
        '- Nick Fitzgerald (NF)',
        '- Alex Crichton (Fastly)',
        '- Till Schneidereit - Fermyon',
        '- Hung-Ying Tai (hydai, wasmedge)',
        '- Oscar Spencer, TSC Director',
        '- @fitzgen',
        '',
        '## Notes',
        '',
        '- nothing today',
      ].join('\n'),
    );
    expect(attendees).toEqual(['Nick Fitzgerald', 'Alex Crichton', 'Till Schneidereit', 'Hung-Ying Tai', 'Oscar Spencer', 'fitzgen']);
    expect(person('Hung-Ying Tai')!.handles).toEqual(['hydai']);
    expect(person('fitzgen')!.handles).toEqual(['fitzgen']);
  });

  test('two full names on one line are two people; a name and an organisation are one; Guests are present too', () => {
    expect(run('## Attendees\n\nAda Lovelace, Grace Hopper\n\nEmily Stone, Bosch Research\n\nGuests: Alan Turing\n').attendees).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
      'Emily Stone',
      'Alan Turing',
    ]);
  });

  test('a numbered list under Participants, and each person once', () => {
    const { attendees } = run('## Participants\n\n1. Ada Lovelace\n2. Grace Hopper\n3. Ada Lovelace\n');
    expect(attendees).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });

  test('bare lines after an "Attendees:" label, ending at the next label', () => {
    const { attendees } = run('## Meeting Notes\n\nAttendees:\n\nAda Lovelace\nGrace Hopper\nAlan Turing\n\nMeeting notes:\nTopic: the plan\n');
    expect(attendees).toEqual(['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);
  });

  test('an inline comma list, with "and" and a GitHub handle', () => {
    const { attendees } = run('Attendees: Ada Lovelace, Grace Hopper, jdoe and Alan Turing\n\nNotes follow.\n');
    expect(attendees).toEqual(['Ada Lovelace', 'Grace Hopper', 'jdoe', 'Alan Turing']);
  });

  test('a table with abbreviation, name and organisation columns gives initials as aliases', () => {
    const { attendees, speakers } = run(
      [
        '### Attendees',
        '',
        '| Abbreviation | Name | Organization |',
        '|---|---|---|',
        '| AL | Ada Lovelace | Analytical Engines Ltd |',
        '| GH2 | Grace Hopper | Navy |',
        '',
        '### Notes',
        '',
        'GH2: We should ship it.',
      ].join('\n'),
    );
    expect(attendees).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(speakers).toEqual(['Grace Hopper']);
  });

  test('"Members present" and "Others present" labels over lines with hard breaks', () => {
    const { attendees } = run('**Board Members present:**  \nAda Lovelace  \nGrace Hopper  \n\n**Others present:**  \nAlan Turing  \n\n### Agenda\n');
    expect(attendees).toEqual(['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);
  });

  test('a roll call of bare paragraphs, and a table row labelled Attending', () => {
    expect(run('#### Introduction of attendees\n\nAda Lovelace\n\nGrace Hopper\n\n#### Next\n').attendees).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(run('| | |\n|-|-|\n| Attending | Ada Lovelace, Grace Hopper |\n| Note Taker | Grace Hopper |\n').attendees).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
    ]);
  });

  test('"Attendees: TODO" and template lines name no one', () => {
    expect(run('Attendees: TODO\n').attendees).toEqual([]);
    expect(run('## Attendees\n\n* TODO\n* _Add your name here_\n').attendees).toEqual([]);
  });

  test('those listed as absent are not attendees: a Regrets line, an absence label in the section, a roll-call column', () => {
    expect(run('## Attendees\n\n- Ada Lovelace\n- Grace Hopper\n\nAbsent: Alan Turing, Edsger Dijkstra\n\n- Barbara Liskov\n').attendees).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
    ]);
    expect(run('Present: Ada Lovelace, Grace Hopper\nRegrets: Alan Turing\n').attendees).toEqual(['Ada Lovelace', 'Grace Hopper']);
    const table = '## Roll call\n\n| Name | Present |\n|---|---|\n| Ada Lovelace | yes |\n| Alan Turing | ✗ |\n| Grace Hopper | ✓ |\n';
    expect(run(table).attendees).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });

  test('a list grouped by organisation, check marks, and a handle after a dash', () => {
    const { attendees, person } = run('## Attendees\n\n- Analytical Engines\n  - ✅ Ada Lovelace\n  - Charles Babbage - @cbabbage\n- Navy\n  - Grace Hopper\n');
    expect(attendees).toEqual(['Ada Lovelace', 'Charles Babbage', 'Grace Hopper']);
    expect(person('Charles Babbage')!.handles).toEqual(['cbabbage']);
  });

  test('titles are dropped, and names in scripts without capitals are kept', () => {
    expect(run('## Attendees\n\n- Dr. Ada Lovelace\n- 张宇平 (来宾)\n').attendees).toEqual(['Ada Lovelace', '张宇平']);
  });

  test('last name first, and a list under its heading ends where prose starts', () => {
    const { attendees } = run('## Attendees\n\n- Lovelace, Ada\n- Hopper, Grace\n\nWe talked about engines at length today.\n\n- Turing Machines\n');
    expect(attendees).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });
});

describe('speakers', () => {
  const listed = '## Attendees\n\n- Nick Fitzgerald (NF)\n- Alex Crichton\n- Lin Clark\n- Chris Fallin\n\n## Notes\n\n';

  test('initials given in the attendee list, and derived from a unique name', () => {
    const { speakerAt, person } = run(`${listed}NF: first point\n\nAC: second point\n`);
    expect(speakerAt('NF:')).toBe('Nick Fitzgerald');
    expect(speakerAt('AC:')).toBe('Alex Crichton');
    expect(person('Alex Crichton')!.aliases).toContain('AC');
  });

  test('a handle before a dash opens a turn (the block-label table lets a dash label start with @)', () => {
    const { speakerAt } = run(
      '## Attendees\n\n- @mira-k\n- @tobyw\n\n## Updates\n\n@mira-k - finished the parser rewrite, needs review\n\n@tobyw - blocked on the release\n',
    );
    expect(speakerAt('@mira-k -')).toBe('mira-k');
    expect(speakerAt('@tobyw -')).toBe('tobyw');
  });

  test('a unique first name, a bold label and a bullet label', () => {
    const { speakerAt } = run(`${listed}Alex: a point\n\n**Lin Clark:** a question\n\n- NF: an answer\n- **Chris**: a remark\n`);
    expect(speakerAt('Alex:')).toBe('Alex Crichton');
    expect(speakerAt('Lin Clark:')).toBe('Lin Clark');
    expect(speakerAt('NF:')).toBe('Nick Fitzgerald');
    expect(speakerAt('Chris:')).toBe('Chris Fallin');
  });

  test('a label with an organisation, a first name with a last initial, and a bracketed name', () => {
    const { speakerAt } = run(`${listed}Alex Crichton (Fastly): yes\n\nNick Fitzgerald [chair]: next\n\n- Chris F: agreed\n- [Lin] we will see\n`);
    expect(speakerAt('Alex Crichton (Fastly)')).toBe('Alex Crichton');
    expect(speakerAt('Nick Fitzgerald [chair]')).toBe('Nick Fitzgerald');
    expect(speakerAt('Chris F:')).toBe('Chris Fallin');
    expect(speakerAt('[Lin]')).toBe('Lin Clark');
  });

  test('handles: a listed handle, a handle built from a name the agenda gives, and a handle with a dash', () => {
    const { speakerAt, person } = run(
      [
        '## Agenda',
        '',
        '1. Commit bits (Pat Hickey, 15 mins)',
        '',
        '## Attendees',
        '',
        '- cfallin',
        '',
        '## Notes',
        '',
        '* pchickey: what is the process?',
        '* cfallin - no process yet',
      ].join('\n'),
    );
    expect(speakerAt('pchickey:')).toBe('Pat Hickey');
    expect(person('Pat Hickey')!.aliases).toContain('pchickey');
    expect(speakerAt('cfallin -')).toBe('cfallin');
  });

  test('clear attributions in prose', () => {
    const { speakerAt } = run(
      '## Attendees\n\n- Till Schneidereit\n- Christof Petig\n\n## Notes\n\nTill walked members through the plan.\n\n- Christof Petig gave a summary:\n  - more later\n',
    );
    expect(speakerAt('Till walked')).toBe('Till Schneidereit');
    expect(speakerAt('Christof Petig gave')).toBe('Christof Petig');
    expect(speakerAt('more later')).toBeNull();
  });

  test('labels that are not speakers', () => {
    const { speakers } = run(
      [
        '# Notes: the plan',
        '',
        'Note: this is recorded.',
        '',
        'Poll: ship it?',
        '',
        'Result: consensus',
        '',
        '**Action:** write it up',
        '',
        'Date: May 2',
        '',
        'Agenda: see below',
        '',
        'Q: any questions?',
        '',
        'A: none',
        '',
        'https://example.com/a: link',
        '',
        '10:30: break',
        '',
        '| SF | F |',
        '|--|--|',
        '',
        'SF: 8',
      ].join('\n'),
    );
    expect(speakers).toEqual([]);
  });

  test('ambiguous initials stay as written; a disambiguated form and three-letter initials resolve', () => {
    const text =
      '## Attendees\n\n- Dan Gohman\n- Deepti Gandluri\n- Sam Clegg\n- Ben Smith\n- Ben Titzer\n\n## Notes\n\nDG: one\n\nDaG: two\n\nSBC: three\n\nBS: four\n\nBT: five\n';
    const { speakerAt, speakers } = run(text);
    expect(speakerAt('DG:')).toBe('DG');
    expect(speakerAt('DaG:')).toBe('Dan Gohman');
    expect(speakerAt('SBC:')).toBe('Sam Clegg');
    expect(speakerAt('BS:')).toBe('Ben Smith');
    expect(speakerAt('BT:')).toBe('Ben Titzer');
    expect(speakers).toHaveLength(5);
  });

  test('an ambiguous first name stays as written', () => {
    const { speakerAt } = run('## Attendees\n\n- Alex Crichton\n- Alex Smith\n\n## Notes\n\nAlex: hello\n\nAlex, Nick: both agree\n');
    expect(speakerAt('Alex:')).toBe('Alex');
    expect(speakerAt('Alex, Nick:')).toBe('Alex');
  });

  test('a speaker who is not an attendee is still a person, and a fuller form becomes the name', () => {
    const { result, attendees, speakers } = run(
      '## Attendees\n\n- Johnnie Birch\n\n## Notes\n\n**Francis McCabe:** a question\n\n**Johnnie L Birch Jr:** an answer\n\nFrancis: thanks\n',
    );
    expect(attendees).toEqual(['Johnnie L Birch Jr']);
    expect(speakers).toEqual(['Francis McCabe', 'Johnnie L Birch Jr']);
    expect(result.people.find((p) => p.name === 'Johnnie L Birch Jr')!.aliases).toContain('Johnnie Birch');
  });

  test('a nested bullet is not attributed under a labelled bullet, but is under a bare label', () => {
    const { speakerAt } = run(`${listed}- NF: a point\n  - a detail\n- Alex:\n  - his point\n  - Lin: her reply\n`);
    expect(speakerAt('NF: a point')).toBe('Nick Fitzgerald');
    expect(speakerAt('a detail')).toBeNull();
    expect(speakerAt('his point')).toBe('Alex Crichton');
    expect(speakerAt('Lin: her reply')).toBe('Lin Clark');
  });

  test('speakerAs keeps the label as written', () => {
    const { note, result } = run(`${listed}AC: yes\n`);
    const b = note.blocks.find((x) => x.text.startsWith('AC:'))!;
    expect(result.speakerAs[b.id]).toBe('AC');
  });
});

describe('collection config and nicknames', () => {
  test('people in the collection config tell who a handle is; a quoted nickname is an alias', () => {
    const text = '## Attendees\n\n- fitzgen\n- Dan “sunfish” Gohman\n\n## Notes\n\n- sunfish: a point\n';
    const note = parseNote({ collection: 'test', path: 'a/b.md', text, sha256: '', bytes: text.length });
    const config = { ...emptyConfig(), people: [{ name: 'Nick Fitzgerald', aliases: ['Nick'], handles: ['fitzgen'] }] };
    const result = extractPeople(note, config);
    expect(result.attendees.map((i) => result.people[i]!.name)).toEqual(['Nick Fitzgerald', 'Dan Gohman']);
    const b = note.blocks.find((x) => x.text.startsWith('sunfish:'))!;
    expect(result.people[result.speakerOf[b.id]!]!.name).toBe('Dan Gohman');
  });
});

describe('resolvePersonName', () => {
  test('full names, first names, initials and handles resolve; unknown and ambiguous forms do not', () => {
    const { result } = run('## Attendees\n\n- Nick Fitzgerald (NF)\n- Alex Crichton\n- Alex Smith\n- Pat Hickey (@pchickey)\n');
    const name = (form: string) => {
      const i = resolvePersonName(result, form);
      return i === null ? null : result.people[i]!.name;
    };
    expect(name('Nick Fitzgerald')).toBe('Nick Fitzgerald');
    expect(name('Nick')).toBe('Nick Fitzgerald');
    expect(name('NF')).toBe('Nick Fitzgerald');
    expect(name('@pchickey')).toBe('Pat Hickey');
    expect(name('Alex')).toBeNull();
    expect(name('Grace')).toBeNull();
  });
});

describe("fixtures in other projects' formats (test/fixtures/people)", () => {
  const dir = join(import.meta.dirname, 'fixtures', 'people');
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    test(name, () => {
      const expected = JSON.parse(readFileSync(join(dir, name.replace(/\.md$/, '.expected.json')), 'utf8')) as { attendees: string[]; speakers: string[] };
      const { attendees, speakers } = run(readFileSync(join(dir, name), 'utf8'), name);
      expect(attendees).toEqual(expected.attendees);
      expect([...speakers].sort()).toEqual([...expected.speakers].sort());
    });
  }
});
