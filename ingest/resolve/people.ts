/**
 * One Person per human across meetings and collections. Merges are
 * conservative: the same full name (accents, case and middle initials
 * folded: `Johnnie L Birch` = `Johnnie Birch`), a handle that some meeting
 * writes next to a full name, a full name written as one camel-case word
 * (`MariusVanDerWijden` = `Marius Van Der Wijden`), or an entry of the
 * collection's people file (quorum.json `people`, the roster file), or
 * initials or a handle written alone that the collection's roster
 * (resolve/roster.ts) ties to one full name, or a first name written alone
 * that the meeting, its series or its collection writes in full for one
 * person (nearly always one, resolve/roster.ts firstNameRoster).
 * Two people who merely share initials never merge.
 */
import { foldName, personKey } from '../../schema/names.js';
import type { PersonEntry } from '../read/config.js';
import type { MeetingRecord, PersonRecord } from '../types.js';
import { collectionRoster, firstNameKey, firstNameRoster, isInitials, rosterKey, type FirstNames, type NamedIn } from './roster.js';

const multiWord = (name: string): boolean => foldName(name).split(' ').length > 1;
const handleKey = (h: string): string => foldName(h).replace(/^@/, '');

/**
 * A full name written as one word, each name capitalised (`MariusVanDerWijden`,
 * a chat handle or a speaker label), spaced out; null for any other word.
 * Note: every part must be a capital then lower-case letters, so `SeanTAllen`,
 * `McDonald` alone or `iOS` stay as written.
 */
export function spacedCamelName(name: string): string | null {
  const t = name.trim();
  if (!/^(?:\p{Lu}\p{Ll}+){2,}$/u.test(t)) return null;
  const parts = t.match(/\p{Lu}\p{Ll}+/gu) ?? [];
  return parts.length >= 2 ? parts.join(' ') : null;
}

/** Assigns Person ids. Build it from the people file and what is known, then `observe` a run's meetings. */
export class PeopleDirectory {
  private readonly byHandle = new Map<string, string>();
  /** The people file's handles: they win over what any note suggests. */
  private readonly byEntryHandle = new Map<string, string>();
  private readonly byForm = new Map<string, string>();
  /** The collection's roster: initials and handles → Person id, where one person claims them. */
  private readonly byShort = new Map<string, string>();

  constructor(
    private readonly entries: PersonEntry[] = [],
    known: { id: string; handles: string[] }[] = [],
  ) {
    for (const k of known) for (const h of k.handles) if (multiWord(k.id)) this.byHandle.set(handleKey(h), k.id);
    for (const e of entries) {
      const id = personKey(e.name);
      for (const h of e.handles ?? []) {
        this.byHandle.set(handleKey(h), id);
        this.byEntryHandle.set(handleKey(h), id);
      }
      for (const a of [e.name, ...(e.aliases ?? [])]) this.byForm.set(foldName(a), id);
    }
  }

  /** Every person the observed meetings and the graph name: what the roster is learned from. */
  private readonly seen: PersonRecord[] = [];
  /** The observed meetings (and the graph's people, as one meeting of no series): what first names are learned from. */
  private readonly meetings: NamedIn[] = [];
  /** First names alone → full names, learned with the roster. */
  private firsts: FirstNames = new Map();
  /** Whether byShort was learned from everything seen so far. */
  private learned = true;

  /**
   * Adds a run's meetings (and the people the collection's other meetings in
   * the graph already name, `indexed`, so a run of the changed notes sees them
   * all) to what the collection's roster is learned from. The roster is learned
   * again, once, when an id next needs it.
   */
  observe(records: MeetingRecord[], indexed: PersonRecord[] = []): void {
    for (const r of records) this.seen.push(...r.people);
    this.seen.push(...indexed);
    for (const r of records) this.meetings.push({ series: r.series, people: r.people });
    if (indexed.length) this.meetings.push({ series: null, people: indexed });
    if (records.length || indexed.length) this.learned = false;
  }

  /** The roster (initials and handles → Person id), learned from everything observed. */
  private roster(): Map<string, string> {
    if (!this.learned) {
      this.byShort.clear();
      // Note: a handle two people of the collection are written with ties to neither (the roster leaves it out).
      for (const [key, name] of collectionRoster(this.seen, this.entries)) this.byShort.set(key, this.byForm.get(foldName(name)) ?? personKey(name));
      this.firsts = firstNameRoster(this.meetings);
      this.learned = true;
    }
    return this.byShort;
  }

  /**
   * Whether `idOf(p)` is final: no meeting observed later can change it. A
   * configured form is; so is a full name written without a handle. Initials,
   * a handle or a one-word name are not: the collection's roster, learned from
   * every meeting of the run, may tie them to a full name a later note gives.
   */
  settled(p: PersonRecord): boolean {
    if (this.byForm.has(foldName(p.name))) return true;
    return p.handles.length === 0 && multiWord(p.name);
  }

  /**
   * The full name a first name written alone stands for: the one person of
   * the meeting with that first name, else the one its series, else its
   * collection, nearly always writes in full with it; null when none.
   */
  private firstNameOf(word: string, meeting?: NamedIn): string | null {
    if (!/^\p{L}/u.test(word) || isInitials(word)) return null;
    const key = foldName(word);
    if (meeting) {
      const here = meeting.people.filter((q) => multiWord(q.name) && foldName(q.name).replace(/^@/, '').split(' ')[0] === key);
      if (new Set(here.map((q) => personKey(q.name))).size === 1) return here[0]!.name;
    }
    this.roster();
    return (meeting?.series ? this.firsts.get(firstNameKey(meeting.series, word)) : undefined) ?? this.firsts.get(firstNameKey(null, word)) ?? null;
  }

  /** The Person id for a person as one meeting (`meeting`: its series and people, when known) names them. */
  idOf(p: PersonRecord, meeting?: NamedIn): string {
    const configured = this.byForm.get(foldName(p.name));
    if (configured) return configured;
    for (const h of p.handles) {
      const id = this.roster().get(rosterKey('handle', h)) ?? this.byEntryHandle.get(handleKey(h));
      if (id) return id;
    }
    // A first name (or a handle) written alone is first the person this collection writes in full for it,
    // before a handle another collection's people have.
    const full = multiWord(p.name) || isInitials(p.name) ? null : this.firstNameOf(p.name, meeting);
    for (const h of p.handles) {
      const id = full ? null : this.byHandle.get(handleKey(h));
      if (id) return id;
    }
    if (!multiWord(p.name)) {
      // Initials or a handle written alone: the one person the collection's roster ties them to.
      // A capitalised word alone (`Ada`) is read as a first name, never as a handle someone has.
      const handleLike = p.handles.length > 0 || !/^\p{Lu}\p{Ll}+$/u.test(p.name);
      const short = isInitials(p.name)
        ? this.roster().get(rosterKey('initials', p.name))
        : handleLike
          ? this.roster().get(rosterKey('handle', p.name))
          : undefined;
      if (short) return short;
      if (full) return this.idOf({ name: full, aliases: [], handles: [] });
      const id = this.byHandle.get(handleKey(p.name));
      if (id) return id;
      const spaced = spacedCamelName(p.name);
      if (spaced) return this.byForm.get(foldName(spaced)) ?? personKey(spaced);
    }
    return personKey(p.name);
  }
}

/**
 * The display name and aliases of a Person from every form seen: the fullest
 * form (most words, then longest) is the name; the rest are aliases.
 */
export function nameAndAliases(id: string, forms: string[]): { name: string; aliases: string[] } {
  const seen = new Map<string, string>();
  for (const f of forms) {
    const t = f.trim();
    if (t && !seen.has(foldName(t))) seen.set(foldName(t), t);
  }
  const all = [...seen.values()];
  if (!all.length) return { name: id, aliases: [] };
  const words = (s: string) => s.split(/\s+/).length;
  all.sort((a, b) => words(b) - words(a) || b.length - a.length || a.localeCompare(b));
  const [name, ...aliases] = all;
  return { name: name!, aliases: aliases.sort((a, b) => a.localeCompare(b)) };
}

/** What a person is called, settled from every form the graph holds of them and the collection's configuration. */
export interface SettledName {
  id: string;
  name: string;
  aliases: string[];
  handles: string[];
}

/** The configured people by each of their folded names and aliases. */
export function configuredByForm(entries: readonly PersonEntry[]): Map<string, PersonEntry> {
  const configured = new Map<string, PersonEntry>();
  for (const e of entries) for (const f of [e.name, ...(e.aliases ?? [])]) configured.set(foldName(f), e);
  return configured;
}

/**
 * The naming policy: a configured person's name wins; otherwise the fullest
 * form seen (nameAndAliases), the forms weighed by how often they were used.
 * Aliases are every other form and every handle, each once.
 */
export function settleName(id: string, forms: readonly string[], handles: readonly string[], configured: Map<string, PersonEntry>): SettledName {
  const seen = byUse(forms);
  const entry = seen.map((f) => configured.get(foldName(f))).find(Boolean);
  const all = entry ? [entry.name, ...(entry.aliases ?? []), ...seen] : seen;
  const { name, aliases } = nameAndAliases(id, all);
  const allHandles = [...new Set([...handles, ...(entry?.handles ?? [])])].sort();
  // An explicitly configured canonical name wins over the fullest form seen.
  if (entry && foldName(name) !== foldName(entry.name)) {
    return { id, name: entry.name, aliases: withHandles(entry.name, [name, ...aliases], allHandles), handles: allHandles };
  }
  return { id, name, aliases: withHandles(name, aliases, allHandles), handles: allHandles };
}

/**
 * The forms, most used first (then in meeting order). Note: of forms that fold
 * alike (`Brian`, `brian`), the first is the one kept, so the most used wins.
 */
function byUse(forms: readonly string[]): string[] {
  const uses = new Map<string, number>();
  for (const f of forms) uses.set(f, (uses.get(f) ?? 0) + 1);
  return [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)!);
}

/** Aliases are every other form seen, handles included; each once, never the name itself. */
function withHandles(name: string, aliases: string[], handles: string[]): string[] {
  const out = new Map<string, string>();
  for (const a of [...aliases, ...handles]) if (foldName(a) !== foldName(name) && !out.has(foldName(a))) out.set(foldName(a), a);
  return [...out.values()].sort((a, b) => a.localeCompare(b));
}
