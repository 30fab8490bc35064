/**
 * One roster per collection: what one note says about a person — a full name
 * with initials (`Ada Lovelace (AL)`), a handle (`Ada Lovelace (@ada)`) — tells
 * who the same initials or handle written alone are in the collection's other
 * notes. A short form resolves only when exactly one person claims it across
 * the whole collection: two people with the same initials (said, or the
 * initials of their full names) leave it as written. A first name alone is
 * never a short form here, so two people who share one never merge.
 * Entries of the collection's people file (quorum.json `people`, the roster
 * file) win over what the notes suggest.
 */
import { foldName, personKey } from '../../schema/names.js';
import type { PersonEntry } from '../read/config.js';
import type { PersonRecord } from '../types.js';

/** Short forms (rosterKey: initials, handles) → the full name they stand for. */
export type Roster = Map<string, string>;

/** Initials as notes write them: two to four capitals (`AL`, `DRG`), dotted or not (`A.L.`). */
const INITIALS = /^(?:\p{Lu}\.?){2,4}$/u;

/** The share of a handle's notes one full name must have when others claim it too. */
const HANDLE_MAJORITY = 0.9;

/** Whether a form is written as initials. */
export function isInitials(form: string): boolean {
  return INITIALS.test(form.trim());
}

/**
 * The key a short form is looked up by: initials (`i:al`) and handles (`h:ada`)
 * apart, so the handle `al` is not the initials `AL`; folded, without `@` or dots.
 */
export function rosterKey(kind: 'initials' | 'handle', form: string): string {
  return `${kind === 'initials' ? 'i' : 'h'}:${foldName(form.trim().replace(/^@/, '').replace(/\./g, ''))}`;
}

const multiWord = (name: string): boolean => foldName(name).split(' ').length > 1;

/**
 * The initials a full name could be written as: every word's (`Marius van der
 * Wijden` → `mvdw`) and first and last word's (`mw`). Used only to see that a
 * form is ambiguous, never to resolve one.
 */
function derivedInitials(name: string): string[] {
  const words = foldName(name)
    .replace(/^@/, '')
    .split(' ')
    .filter((w) => /^\p{L}/u.test(w));
  if (words.length < 2) return [];
  const all = words.map((w) => w[0]).join('');
  const ends = `${words[0]![0]}${words[words.length - 1]![0]}`;
  return [...new Set([all, ends])];
}

/**
 * Builds the collection's roster from the people its meetings name (each as
 * one meeting names them) and the people file. Pure: the same people and
 * entries give the same roster.
 */
export function collectionRoster(people: Iterable<PersonRecord>, entries: PersonEntry[] = []): Roster {
  // Who says they go by a form, and whose full name could be written as it.
  const said = new Map<string, Map<string, { name: string; notes: number }>>();
  const could = new Map<string, Set<string>>();
  const might = (key: string, name: string) => {
    let who = could.get(key);
    if (!who) could.set(key, (who = new Set()));
    who.add(personKey(name));
  };
  const couldBe = (name: string) => {
    for (const i of derivedInitials(name)) might(rosterKey('initials', i), name);
    // A handle that is someone else's first name ("ada" beside Ada Smith) would merge on a first name.
    might(rosterKey('handle', foldName(name).split(' ')[0]!), name);
  };
  const claim = (key: string, name: string) => {
    let who = said.get(key);
    if (!who) said.set(key, (who = new Map()));
    const c = who.get(personKey(name));
    if (c) c.notes += 1;
    else who.set(personKey(name), { name, notes: 1 });
  };
  for (const p of people) {
    if (!multiWord(p.name)) continue;
    for (const a of p.aliases) if (isInitials(a)) claim(rosterKey('initials', a), p.name);
    for (const h of p.handles) claim(rosterKey('handle', h), p.name);
    couldBe(p.name);
  }
  for (const e of entries) if (multiWord(e.name)) couldBe(e.name);
  const roster: Roster = new Map();
  for (const [key, who] of said) {
    const [id, top] = [...who].sort((a, b) => b[1].notes - a[1].notes)[0]!;
    const notes = [...who.values()].reduce((n, c) => n + c.notes, 0);
    // Two people with the same initials leave them as written. A handle is one account: when nearly every note
    // that writes it gives one full name, a stray other ("Nicholas C. Zakas Singh" twice beside 150) is a misreading.
    if (who.size > 1 && (key.startsWith('i:') || top.notes < HANDLE_MAJORITY * notes)) continue;
    const name = top.name;
    // Another person's full name could be these initials, or begins with this handle: leave it as written.
    if ([...(could.get(key) ?? [])].some((other) => other !== id)) continue;
    roster.set(key, name);
  }
  // The people file's forms win over what the notes suggest.
  for (const e of entries) {
    for (const a of e.aliases ?? []) if (isInitials(a)) roster.set(rosterKey('initials', a), e.name);
    for (const h of e.handles ?? []) roster.set(rosterKey('handle', h), e.name);
  }
  return roster;
}
