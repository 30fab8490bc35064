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

/**
 * The share of the notes (of a series, or of the collection) that write a
 * full name beginning with a first name which one of those full names must
 * have for the first name written alone there to be that person.
 */
const FIRST_NAME_MAJORITY = 0.8;

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

/** A meeting as the first-name roster reads it: its series and the people it names. */
export interface NamedIn {
  series?: string | null;
  people: PersonRecord[];
}

/** First names (and one-word aliases) → the full name they stand for, per series (`series|first`) and collection (`|first`). */
export type FirstNames = Map<string, string>;

/** The key a first name alone is looked up by in a FirstNames table: the scope (a series, or '' for the collection) and the folded word. */
export function firstNameKey(scope: string | null | undefined, word: string): string {
  return `${scope ?? ''}|${foldName(word.trim())}`;
}

/**
 * The one-word forms a full name can be written as alone: its first name
 * (`Chris` for `Chris Fallin`), the one-word aliases a note gives it
 * (`Stokes` for `Alex Stokes`) and its handles, never initials (the roster's).
 */
function firstForms(p: PersonRecord): string[] {
  const words = foldName(p.name).replace(/^@/, '').split(' ');
  const out = new Set<string>();
  if (/^\p{L}/u.test(words[0]!)) out.add(words[0]!);
  for (const a of p.aliases) if (!multiWord(a) && !isInitials(a) && /^\p{L}/u.test(a)) out.add(foldName(a));
  // A handle is a claim on the word too: a handle that is another person's first name ties it to neither.
  for (const h of p.handles) out.add(foldName(h.replace(/^@/, '')));
  return [...out];
}

/**
 * Who a first name written alone is (`Chris:` in one note, `Chris Fallin` in
 * others): the full name beginning with it (or giving it as an alias) that
 * holds most of the notes writing any full name with that first name, in the
 * same series when the series writes one, else in the whole collection. Two
 * people sharing a first name leave it as written unless one of them holds
 * FIRST_NAME_MAJORITY of those notes. Pure: the same meetings give the same table.
 */
export function firstNameRoster(meetings: Iterable<NamedIn>): FirstNames {
  // scope|first → person key → { name, notes }
  const counts = new Map<string, Map<string, { name: string; notes: number }>>();
  const count = (key: string, name: string) => {
    let who = counts.get(key);
    if (!who) counts.set(key, (who = new Map()));
    const k = personKey(name);
    const c = who.get(k);
    if (c) c.notes += 1;
    else who.set(k, { name, notes: 1 });
  };
  for (const m of meetings) {
    const keys = new Map<string, string>();
    for (const p of m.people) {
      if (!multiWord(p.name)) continue;
      for (const f of firstForms(p)) {
        // One note counts once for each person a first name could be.
        keys.set(`${firstNameKey(m.series, f)}\u0000${personKey(p.name)}`, p.name);
        if (m.series) keys.set(`${firstNameKey(null, f)}\u0000${personKey(p.name)}`, p.name);
      }
    }
    for (const [k, name] of keys) count(k.split('\u0000')[0]!, name);
  }
  const table: FirstNames = new Map();
  for (const [key, who] of counts) {
    const ranked = [...who.values()].sort((a, b) => b.notes - a.notes || a.name.localeCompare(b.name));
    const notes = ranked.reduce((n, c) => n + c.notes, 0);
    if (ranked[0]!.notes >= FIRST_NAME_MAJORITY * notes) table.set(key, ranked[0]!.name);
  }
  return table;
}
