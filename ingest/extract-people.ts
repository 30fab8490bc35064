/**
 * Attendees and speakers of one meeting, resolved inside the meeting.
 */
import type { CollectionConfig } from './config.js';
import type { Note, PersonRecord } from './types.js';

export interface PeopleResult {
  people: PersonRecord[];
  /** Indices into people. */
  attendees: number[];
  /** Per block id: index into people of its speaker, or null. */
  speakerOf: (number | null)[];
  /** Per block id: the label the speaker was written as. */
  speakerAs: (string | undefined)[];
}

/** Finds who attended and who spoke in a note. */
export function extractPeople(note: Note, _config: CollectionConfig): PeopleResult {
  return { people: [], attendees: [], speakerOf: note.blocks.map(() => null), speakerAs: note.blocks.map(() => undefined) };
}

/**
 * Resolves a form a note uses for someone (full name, first name, initials,
 * handle) to an index into result.people, or null when it is unknown or
 * ambiguous in this meeting. Used by later stages (action item owners, people
 * named in decisions).
 */
export function resolvePersonName(result: PeopleResult, form: string): number | null {
  const f = form.trim().toLowerCase();
  const i = result.people.findIndex((p) => [p.name, ...p.aliases, ...p.handles].some((n) => n.toLowerCase() === f));
  return i >= 0 ? i : null;
}
