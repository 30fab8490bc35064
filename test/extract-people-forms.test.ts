/**
 * Attendance and speaker forms taught for issue 13, each on a small note of
 * our own words.
 */
import { describe, expect, test } from 'vitest';
import { emptyConfig } from '../ingest/read/config.js';
import { extractPeople } from '../ingest/extract/people.js';
import { parseNote } from '../ingest/parse/parse.js';

const run = (text: string, path = 'team/2024/team-05-02.md') => {
  const note = parseNote({ collection: 'test', path, text, sha256: '', bytes: text.length });
  const result = extractPeople(note, emptyConfig());
  const attendees = result.attendees.map((i) => result.people[i]!.name);
  const speakerIds = [...new Set(result.speakerOf.filter((s): s is number => s !== null))];
  const speakers = speakerIds.map((i) => result.people[i]!.name);
  /** The speaker of the first block whose text holds these words. */
  const speakerAt = (start: string) => {
    const b = note.blocks.find((x) => x.kind !== 'heading' && x.text.includes(start));
    if (!b) throw new Error(`no block holds ${start}`);
    const s = result.speakerOf[b.id];
    return s === null || s === undefined ? null : result.people[s]!.name;
  };
  return { attendees, speakers, speakerAt, result };
};

describe('transcript turns', () => {
  test('a bold name alone on its line opens a turn that runs to the next name or heading', () => {
    const { speakers, speakerAt } = run(
      [
        '# Weekly sync',
        '',
        '**Hannah Lindqvist**',
        '* Welcome, first the release.',
        '* Then the mirrors.',
        '',
        '**Osric**',
        'The release is tagged.',
        '',
        '**Hannah Lindqvist**',
        'Thanks.',
        '',
        '**wkolb**',
        'Mirrors are synced.',
        '',
        '**Osric**',
        'One more thing.',
        '',
        '## Other business',
        '',
        'Nothing else came up.',
      ].join('\n'),
    );
    expect(speakerAt('Welcome')).toBe('Hannah Lindqvist');
    expect(speakerAt('Then the mirrors')).toBe('Hannah Lindqvist');
    expect(speakerAt('The release is tagged')).toBe('Osric');
    expect(speakerAt('Mirrors are synced')).toBe('wkolb');
    expect(speakerAt('Nothing else')).toBeNull();
    expect(speakers).toEqual(['Hannah Lindqvist', 'Osric', 'wkolb']);
  });

  test('an emphasised stage direction and contractions before a verb are no one', () => {
    const { speakers } = run(
      [
        '**Ulla Brandt**',
        'Let us start.',
        '',
        '**Peter**',
        'Fine.',
        '',
        '**Ulla Brandt**',
        'Good.',
        '',
        '## Summary',
        '',
        '*laughter*',
        '',
        '*laughter*',
        '',
        '*laughter*',
        '',
        "- We've briefly discussed the IR project.",
        "- We've agreed to keep the time.",
      ].join('\n'),
    );
    expect(speakers).toEqual(['Ulla Brandt', 'Peter']);
  });

  test('a lone bold phrase in ordinary notes is no turn', () => {
    const { speakers } = run('# Notes\n\n**Mirror Status**\n\nAll good.\n\n**Release**\n\nTagged.\n');
    expect(speakers).toEqual([]);
  });

  test('a time stamp between the bold name and its colon', () => {
    const { speakerAt } = run(
      '**Tess Moran** [02:23](https://video.example/x?t=143): Welcome to the call.\n\n**Tess Moran** [04:10](https://video.example/x?t=250): Next item.\n',
    );
    expect(speakerAt('Tess Moran')).toBe('Tess Moran');
  });

  test('a first name in the list and the full name as a speaker are one person', () => {
    const { attendees, speakers } = run(
      [
        '**Ulla Brandt**',
        'Let us start.',
        '',
        '**Ulla Brandt**',
        'Any updates?',
        '',
        '**Piet**',
        'None from me.',
        '',
        '### Attendees',
        '* Ulla',
        '* Piet',
        '* Marten',
        '* Marten Vos',
      ].join('\n'),
    );
    expect(attendees).toEqual(['Ulla Brandt', 'Piet', 'Marten Vos']);
    expect(speakers).toEqual(['Ulla Brandt', 'Piet']);
  });
});

describe('attendance forms', () => {
  test('a checkbox roster: ticked names attended, unticked ones did not', () => {
    const { attendees } = run('## Attendees\n\n- [x] Ola Nordmann (ON)\n- [ ] Kari Holm (KH)\n- [x] Per Lund\n');
    expect(attendees).toEqual(['Ola Nordmann', 'Per Lund']);
  });

  test('sub-sections of an attendance section list people; a "Not attending" one and a topic one do not', () => {
    const { attendees } = run(
      [
        '## Attendance',
        'Please add your name.',
        '### Board Members Attending',
        '- Vera Kohl',
        '- Bruno Salas',
        '### Staff',
        '- Ines Abt',
        '### Not attending',
        '- Lars Krog',
        '### Tooling',
        '- How do we publish the types?',
        '  - Packaging',
        '## Updates',
        '- Bruno Salas',
      ].join('\n'),
    );
    expect(attendees).toEqual(['Vera Kohl', 'Bruno Salas', 'Ines Abt']);
  });

  test('role labels name people present; their initials count when the list gives them', () => {
    const { attendees } = run(
      ['### Moderator: Dana Whitfield', '', 'Facilitator & Note Taker: RO', '', '## Attendees', '- [x] Rhea Olsen (RO)', '- [x] Tom Quist'].join('\n'),
    );
    expect(attendees).toEqual(['Rhea Olsen', 'Tom Quist', 'Dana Whitfield']);
  });

  test('initials of a role label that no list explains are no one', () => {
    expect(run('Note Taker: QX\n\n## Attendees\n- Tom Quist\n').attendees).toEqual(['Tom Quist']);
  });

  test('the volunteers for note taking took part', () => {
    expect(run('## Determine volunteers for note taking\n\n- Ansel\n- Bertrand\n').attendees).toEqual(['Ansel', 'Bertrand']);
  });
});

describe('initials the list gives', () => {
  const roster = '## Attendees\n\n- [x] Oren Falk (OF)\n- [x] Alma (A)\n- [x] Pia Sorensen (PS)\n- [x] Gil Cabot (GC)\n\n## Topics\n\n';
  test('one letter and template words (`PS`, `GC`) are speakers when the list gives them as initials', () => {
    const { speakerAt } = run(`${roster}- A: the release is blocked\n- PS: I can look at it\n- GC: same here\n`);
    expect(speakerAt('the release is blocked')).toBe('Alma');
    expect(speakerAt('I can look')).toBe('Pia Sorensen');
    expect(speakerAt('same here')).toBe('Gil Cabot');
  });

  test('without such a list they stay no one', () => {
    const { speakers } = run('## Notes\n\n- A: the answer is yes\n- PS: see the chat\n- GC: the collector is slow\n');
    expect(speakers).toEqual([]);
  });

  test('items led by given initials without a colon are their turns; other capitals are not', () => {
    const { speakerAt } = run(`${roster}- OF will be late on Mondays\n- PS we could decide later\n- API is stable now\n`);
    expect(speakerAt('will be late')).toBe('Oren Falk');
    expect(speakerAt('we could decide')).toBe('Pia Sorensen');
    expect(speakerAt('API is stable')).toBeNull();
  });
});

describe('attributions without a colon', () => {
  test('a handle from the list and a verb; a handle the list does not give is no one', () => {
    const { speakerAt } = run(
      [
        '## Attending',
        '* Rosa Ilic (@rilic) - TSC',
        '* Ben Okoro (@bokoro) - TSC',
        '',
        '## Topics',
        '',
        '* @rilic prefers keeping the flag.',
        '* @bokoro concurs if the docs say so.',
        '* @outsider suggested another option in the issue.',
      ].join('\n'),
    );
    expect(speakerAt('keeping the flag')).toBe('Rosa Ilic');
    expect(speakerAt('concurs')).toBe('Ben Okoro');
    expect(speakerAt('another option')).toBeNull();
  });

  test("a vote line is its first listed voter's", () => {
    const { speakerAt } = run(
      [
        '## Attending',
        '* Rosa Ilic (@rilic) - TSC',
        '* Ben Okoro (@bokoro) - TSC',
        '',
        '## Topics',
        '',
        '* :+1: to documenting the workaround from @bokoro, @rilic',
        '* :+1: from @stranger',
      ].join('\n'),
    );
    expect(speakerAt('documenting the workaround')).toBe('Ben Okoro');
    expect(speakerAt('from @stranger')).toBeNull();
  });

  test('an adverb between name and verb, and guests the meeting heard from', () => {
    const { speakerAt } = run(
      [
        '# Council update',
        '',
        '- Rowan Achterberg officially recorded that the vote passed.',
        '- The council met with Ilse Moreau to discuss hiring.',
        '- Received an update from Ilse Moreau on the migration.',
      ].join('\n'),
    );
    expect(speakerAt('officially recorded')).toBe('Rowan Achterberg');
    expect(speakerAt('met with')).toBe('Ilse Moreau');
  });

  test('an unfamiliar name after "chatting with" is a guest; a capitalised word at the start of a line needs more', () => {
    const { speakerAt } = run('# Update\n\n- Chatting with Zdravko about the sprint venue.\n- Brandvold reported the numbers.\n');
    expect(speakerAt('Chatting with')).toBe('Zdravko');
    expect(speakerAt('reported the numbers')).toBeNull();
  });

  test('a "Presented by:" label with no space after its colon', () => {
    expect(run('### Topic 3: codes of conduct\n\n- **Presented by:**Fenna Dijk\n').speakers).toEqual(['Fenna Dijk']);
  });
});

describe('notes written in HTML elements', () => {
  const html = [
    '<h1>Board meeting</h1>',
    '<p><strong>Date:</strong> 2016-03-09</p>',
    '<h2>Attendance</h2>',
    '<h3>Members</h3>',
    '<ul>',
    '',
    '<li>Edda Norn</li>',
    '',
    '<li>Joost Verhey</li>',
    '',
    '</ul>',
    '<h3>Not attending</h3>',
    '<ul>',
    '<li>Lyle Carden</li>',
    '</ul>',
    '<h2>Motions</h2>',
    '<h3>Motion 1</h3>',
    '<p>Presenter: Joost Verhey.</p>',
    '<p>Text: Approve the budget &amp; the plan.</p>',
  ].join('\n');

  test('read as blocks with their lines: lists under headings, presenters', () => {
    const { attendees, speakers } = run(html);
    expect(attendees).toEqual(['Edda Norn', 'Joost Verhey']);
    expect(speakers).toEqual(['Joost Verhey']);
  });

  test('line numbers stay those of the file', () => {
    const note = parseNote({ collection: 'test', path: 'm.md', text: html, sha256: '', bytes: html.length });
    const presenter = note.blocks.find((b) => b.text.startsWith('Presenter'))!;
    expect(presenter.startLine).toBe(18);
    // Each <p> is a paragraph of its own, as HTML reads it; entities are decoded.
    expect(presenter.text).toBe('Presenter: Joost Verhey.');
    expect(note.blocks.find((b) => b.startLine === 19)!.text).toBe('Text: Approve the budget & the plan.');
    expect(note.blocks.find((b) => b.text === 'Lyle Carden')!.startLine).toBe(14);
  });
});

describe('presenters in brackets and unticked rosters', () => {
  test('an agenda item ending in "(Name):" gives its nested notes to that presenter', () => {
    const { speakerAt } = run(
      [
        '# WG call',
        '',
        '* 16:50 - Demo of the queue tool (Saskia):',
        '    * Keeps track of agenda items',
        '* 17:00 - Date scalar (Tobiah/Ramona):',
        '    * Most requested scalar',
      ].join('\n'),
    );
    expect(speakerAt('Keeps track')).toBe('Saskia');
    expect(speakerAt('Most requested')).toBe('Tobiah');
  });

  test('a bracketed name on the list beats a label that names no one; a label that is someone keeps its organisation out', () => {
    const { speakerAt } = run(
      [
        '## Attendance',
        '- Mateo Ruiz',
        '- Alba Serra',
        '',
        '## Updates',
        '',
        '**Lesson Review (Mateo):** two lessons merged.',
        '',
        '**Alba Serra (Fastweb):** nothing new.',
      ].join('\n'),
    );
    expect(speakerAt('two lessons')).toBe('Mateo Ruiz');
    expect(speakerAt('nothing new')).toBe('Alba Serra');
  });

  test('a person before a bracketed organisation, an abbreviation and a list of things in brackets', () => {
    const { speakers } = run(
      [
        '**Tove Lind**: welcome.',
        '',
        '* Neville (Dedaub):',
        '    * impact analysis',
        '* Action Items (AIs):',
        '    * none',
        '* PubSub help (IPNS + Filecoin):',
        '    * open issue',
      ].join('\n'),
    );
    expect(speakers).toEqual(['Tove Lind', 'Neville']);
  });

  test('a roster nobody ticked still says who the initials are, but lists no one present', () => {
    const { attendees, speakerAt } = run('## Attendees\n\n- [ ] Ida Brun (IB)\n- [ ] Ole Hagen (OH)\n\n## Minutes\n\nIB: first point.\n\nOH: second point.\n');
    expect(attendees).toEqual([]);
    expect(speakerAt('first point')).toBe('Ida Brun');
  });

  test('a bold place in a locations section is no one', () => {
    const { speakers } = run('## Physical Locations\n\n**Harbour Office**\n* 3rd floor\n\n**Dock Lab**\n* ground floor\n\n**Mill Yard**\n* gate B\n');
    expect(speakers).toEqual([]);
  });
});

describe('handles and group labels in attendance', () => {
  test('one name after a group label, and a role named after a task', () => {
    const { attendees } = run('## Attendance\n\n* Team members: Josh, Niko, Felix\n* Others: Mark\n\n## Meeting roles\n\n* Action item scribe: Doreen\n');
    expect(attendees).toEqual(['Josh', 'Niko', 'Felix', 'Mark', 'Doreen']);
  });

  test('handles keep their capitals; a first name in brackets after a handle is the person', () => {
    const { attendees, person } = ((r) => ({ ...r, person: (n: string) => r.result.people.find((p) => p.name === n) }))(
      run('- **Attendees:**\n  - @Qu1llon\n  - @Harbor-Lights (Jared)\n  - @nkoval (Northwind Labs)\n'),
    );
    expect(attendees).toEqual(['Qu1llon', 'Jared', 'nkoval']);
    expect(person('Jared')!.handles).toEqual(['Harbor-Lights']);
  });
});

describe('groups are no one', () => {
  test('a label naming a committee or a company by its last word is not a speaker; the person in brackets is', () => {
    const { speakers, speakerAt } = run(
      [
        '# Board meeting',
        '',
        '## Subcommittee reports',
        '',
        '- Outreach Subcommittee: none',
        '- **Policy Subcommittee (Ines):** the draft is out for comment',
        '- Acme Labs: sent the hardware',
        '- Ines Moreau: thanks to everyone who reviewed',
      ].join('\n'),
    );
    expect(speakers).not.toContain('Outreach Subcommittee');
    expect(speakers).not.toContain('Policy Subcommittee');
    expect(speakers).not.toContain('Acme Labs');
    expect(speakerAt('the draft is out')).toBe('Ines Moreau');
    expect(speakerAt('thanks to everyone')).toBe('Ines Moreau');
  });

  test('a bold turn label the note also writes as a team or a client is a group, not a person', () => {
    const turns = (name: string) =>
      run(
        [
          '# Client sync',
          '',
          `The ${name} (CL) team is finishing its release.`,
          '',
          '**Hannah Lindqvist**',
          '* Welcome, client updates first.',
          '',
          `**${name}**`,
          '* We have the spec implemented and are reviewing it.',
          '',
          '**Osric**',
          '* We are nearly ready.',
          '',
          `**${name}**`,
          '* One more thing on the release.',
          '',
          '**Osric**',
          '* Same here.',
          '',
          '**Hannah Lindqvist**',
          '* Thanks.',
        ].join('\n'),
      ).speakers;
    expect(turns('Beacon')).not.toContain('Beacon');
    expect(turns('Beacon')).toContain('Osric');
  });
});

describe('a bracketed word two people share', () => {
  test('is an affiliation, not a handle: the two full names stay two people', () => {
    const { attendees, result } = run(
      [
        '# Weekly sync',
        '',
        '## Attendees',
        '',
        '1. Hannah Lindqvist (unaffiliated)',
        '2. Osric Vale (Acme)',
        '3. Ines Moreau (unaffiliated)',
        '',
        '## Notes',
        '',
        '* [hannah] The release is tagged.',
        '* [ines] Thanks.',
      ].join('\n'),
    );
    expect(attendees).toEqual(['Hannah Lindqvist', 'Osric Vale', 'Ines Moreau']);
    const hannah = result.people.find((p) => p.name === 'Hannah Lindqvist')!;
    expect(hannah.aliases).not.toContain('Ines Moreau');
    expect(hannah.handles).not.toContain('unaffiliated');
  });
});

describe('attendance written with emphasis: read from the parsed text, with the markup gone', () => {
  test('a bold or underlined label, heading and table header; underscores inside a handle stay', () => {
    expect(run('# Sync\n\n__Attendees__: Ana Lima, @bob_k\n').attendees).toEqual(['Ana Lima', 'bob_k']);
    expect(run('# Sync\n\n## **Present**\n\n- Ana Lima\n- Bo Chen\n').attendees).toEqual(['Ana Lima', 'Bo Chen']);
    expect(run('# Sync\n\n| **Attendees** | Org |\n| --- | --- |\n| Ana Lima | Igalia |\n').attendees).toEqual(['Ana Lima']);
  });
});
