/**
 * Notes and configs that put a word naming a member of Object.prototype
 * (`constructor`, `toString`, `__proto__`, …) in every place where text
 * becomes a lookup key: a config key, a series (folder name), a repository
 * word before `#N`, a person's name and alias, a handle, a topic, a heading
 * and a speaker label. Each word has a control: the same word with its
 * letters rotated by 13 (`constructor` → `pbafgehpgbe`), of the same shape
 * (case, underscores, length) but naming nothing, so a note with the word
 * must give the facts the note with its control gives.
 */
import { parseCollectionConfig, type CollectionConfig } from '../../ingest/read/config.js';
import { extractMeeting } from '../../ingest/extract/extract.js';
import { parseNote } from '../../ingest/parse/parse.js';
import type { MeetingRecord } from '../../ingest/types.js';

/** Every member name of Object.prototype, `__proto__` among them. */
export const PROTOTYPE_WORDS: readonly string[] = Object.getOwnPropertyNames(Object.prototype);

/** The word with its letters rotated by 13: same shape, no meaning. */
export const control = (w: string): string =>
  w.replace(/[a-z]/gi, (c) => {
    const base = c === c.toLowerCase() ? 97 : 65;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });

/** Where the word is put: the folder (series) and config key, or only the note's words. */
export type Place = 'series' | 'word' | 'absent';

export interface Case {
  path: string;
  text: string;
  configText: string;
}

/**
 * A meeting note that uses `w` as its series folder (`series`), and in its
 * title, attendee list (as a name and a handle), a heading, a speaker's
 * words and a repository word before `#19079`. The config maps `w` to a
 * repository (`series`, `word`) or leaves it out (`absent`), and gives a
 * person `w` as alias and handle.
 */
export function protoCase(w: string, place: Place): Case {
  const folder = place === 'series' ? w : 'team';
  const repositories =
    place === 'absent' ? { '*': 'acme/engine' } : { '*': 'acme/engine', [w.toLowerCase()]: place === 'series' ? 'acme/series-repo' : 'acme/word-repo' };
  // Note: a computed key makes `__proto__` an own key, and JSON.stringify writes it as text.
  const configText = JSON.stringify({ repositories, people: [{ name: 'Ada Lovelace', aliases: [w], handles: [w] }] });
  const text = [
    `# ${w} meeting 2024-03-04`,
    '',
    `Attendees: Alice Jones, Bob Smith, @${w}, ${w}`,
    '',
    `## ${w} review`,
    '',
    `Alice: the tracking issue for the Buffer ${w} #19079 is open, and #741 too.`,
    '',
    `Bob: we looked at ${w} again; ${w} needs work.`,
    '',
    `- Decision: we will ship the ${w} change.`,
    `- Action: Bob to write up the ${w} docs.`,
    '',
  ].join('\n');
  return { path: `${folder}/2024/${folder}-03-04.md`, text, configText };
}

/** The case with the word replaced by its control everywhere. */
export function controlCase(w: string, place: Place): Case {
  return protoCase(control(w), place);
}

/** Reads, parses and extracts a case offline, as eval/offline.ts does. */
export function extractCase(c: Case, collection = 'proto'): { record: MeetingRecord; config: CollectionConfig } {
  const config = parseCollectionConfig(c.configText, 'quorum.json');
  const note = parseNote({ collection, path: c.path, text: c.text, sha256: 'x', bytes: Buffer.byteLength(c.text) });
  return { record: extractMeeting(note, config), config };
}

/**
 * What a record says, with the word (its letters, any case, without the
 * underscores markdown reads as emphasis) written `§`, so a word's facts
 * and its control's compare equal.
 */
export function facts(record: MeetingRecord, w: string) {
  const core = w.replace(/^_+|_+$/g, '');
  const re = new RegExp(core.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&'), 'gi');
  const s = (x: string | null | undefined) => (x == null ? x : x.replace(re, '§'));
  const person = (i: number | null) => (i === null ? null : s(record.people[i]!.name));
  return {
    title: s(record.title),
    date: record.date,
    series: s(record.series),
    people: record.people.map((p) => [s(p.name), p.aliases.map(s), p.handles.map(s)]),
    attendees: record.attendees.map(person),
    passages: record.passages.map((p) => [s(p.text), p.startLine, p.endLine, person(p.speaker)]),
    references: record.references.map((r) => [s(r.id), r.kind]),
    // Topics of equal weight are ordered by their key, which depends on the word's spelling: compared in the masked spelling's order.
    topics: record.topics.map((t) => [s(t.name) ?? '', t.weight] as const).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    decisions: record.decisions.map((d) => [d.startLine, d.endLine, d.people.map(person)]),
    actionItems: record.actionItems.map((a) => [a.startLine, a.endLine, person(a.owner)]),
  };
}
