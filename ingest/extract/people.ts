/**
 * Attendees and speakers of one meeting, resolved inside the meeting.
 *
 * Attendee lists come first (people-attendees.ts): they give full names,
 * initials and handles. Speaker labels and attributions (people-speakers.ts
 * reads their syntax, people-turns.ts decides who they are) are then read
 * against that roster (people-roster.ts): `AC` is Alex Crichton when the list
 * says so or only his name has those initials; a form that fits two people,
 * or no one, stays as written.
 */
import type { CollectionConfig } from '../read/config.js';
import { findAttendees } from './people/attendees.js';
import { Roster } from './people/roster.js';
import { formKind } from './people/speakers.js';
import { findSpeakers } from './people/turns.js';
import { plausibleName } from './people/words.js';
import type { Block, Note, PersonRecord } from '../types.js';

export interface PeopleResult {
  people: PersonRecord[];
  /** Indices into people. */
  attendees: number[];
  /** Per block id: index into people of its speaker, or null. */
  speakerOf: (number | null)[];
  /** Per block id: the label the speaker was written as. */
  speakerAs: (string | undefined)[];
  /** The meeting's people as later stages look them up by a form (resolvePersonName). */
  readonly lookup: Roster;
}

/** `(Pat Hickey, 15 mins)`, `(Yuri Iozzelli)`: a presenter named in the agenda. */
const PRESENTER = /\(([^()]{3,120})\)/g;

/** Finds who attended and who spoke in a note. */
export function extractPeople(note: Note, config: CollectionConfig): PeopleResult {
  const textOf = blockText(note);
  const roster = new Roster();
  for (const p of config.people) {
    const i = roster.add(p.name, 'mentioned', [], p.handles ?? []);
    for (const a of p.aliases ?? []) roster.addForm(i, a);
  }

  const lists = findAttendees(note, textOf);
  const attendees: number[] = [];
  // Role labels (`Moderator: AC`) are read after the lists, which say who their initials are.
  for (const e of [...lists.entries.filter((x) => !x.role), ...lists.entries.filter((x) => x.role)]) {
    if (e.role && formKind(e.name) !== 'name') {
      const known = roster.resolve(e.name);
      // Whoever holds a role was there, even when the roll call left them unticked.
      if (known !== null && !attendees.includes(known)) attendees.push(known);
      if (known !== null || formKind(e.name) === 'initials' || formKind(e.name) === 'declared') continue;
    }
    const i = roster.add(e.name, e.absent ? 'mentioned' : 'attendee', e.initials, e.handles);
    for (const a of e.aliases) roster.addForm(i, a);
    if (e.absent) continue;
    if (!attendees.includes(i)) attendees.push(i);
  }
  for (const b of note.blocks) {
    if ((b.kind !== 'heading' && b.kind !== 'item') || !b.text.includes('(')) continue;
    for (const m of b.text.matchAll(PRESENTER)) {
      for (const part of m[1]!.split(/\s*[,;]\s*/)) if (formKind(part) === 'name' && plausibleName(part)) roster.add(part, 'mentioned');
    }
  }

  const speakers = findSpeakers(note, textOf, lists.blocks, roster);
  const used = [...new Set([...attendees, ...speakers.speakerOf.filter((s): s is number => s !== null)])];
  const remap = new Map(used.map((r, i) => [r, i]));
  const records = roster.records;
  const people = used.map((r) => records[r]!);
  const listed = attendees.map((r) => remap.get(r)!);
  return {
    people,
    attendees: listed,
    speakerOf: speakers.speakerOf.map((s) => (s === null ? null : remap.get(s)!)),
    speakerAs: speakers.speakerAs,
    lookup: lookupRoster(people, listed),
  };
}

/** A roster of the meeting's final people, each as an attendee or a speaker, for looking them up by any form. */
function lookupRoster(people: readonly PersonRecord[], attendees: readonly number[]): Roster {
  const lookup = new Roster();
  const listed = new Set(attendees);
  people.forEach((p, i) => lookup.adopt(p, listed.has(i) ? 'attendee' : 'speaker'));
  return lookup;
}

/**
 * A block's text, or for a block whose text the parser left empty, its
 * source lines without list and emphasis markers.
 */
function blockText(note: Note): (b: Block) => string {
  return (b) => {
    if (b.text.trim() || b.kind === 'heading' || b.kind === 'code') return b.text;
    return note.lines
      .slice(b.startLine - 1, b.endLine)
      .map((l) =>
        l
          .replace(/^\s*(?:>\s*)*(?:[-*+•]\s+|\d{1,3}[.)]\s+)?(?:\[[ xX]\]\s+)?/, '')
          .replace(/\*\*|__|\\/g, '')
          .trim(),
      )
      .join('\n')
      .trim();
  };
}

/**
 * Resolves a form a note uses for someone (full name, first name, initials,
 * handle) to an index into result.people, or null when it is unknown or
 * ambiguous in this meeting. Used by later stages (action item owners, people
 * named in decisions). Note: people a later stage adds (an action item's owner
 * the note names nowhere else) are not looked up: the lookup is the people
 * stage's, built once from what it found.
 */
export function resolvePersonName(result: PeopleResult, form: string): number | null {
  const roster = result.lookup;
  const f = form.trim().replace(/^@/, '');
  return f ? roster.resolve(f) : null;
}
