/**
 * The people one meeting names, and the rules that tell which of them a
 * written form (`AC`, `Alex`, `Chris F`, `pchickey`, `DaG`) means. A form
 * that fits two people, or none, is never guessed.
 */
import type { PersonRecord } from '../../types.js';
import { closeSpelling, derivedInitials, foldNameForm, handleFits, INITIALS, isHandle, nameCore, SHORT_AND_INITIAL } from './names.js';
import { wordSense } from './words.js';

/** How firmly a person is known: listed as present, named as a speaker, or only mentioned (a presenter in the agenda). */
export type Tier = 'attendee' | 'speaker' | 'mentioned';

interface Person {
  record: PersonRecord;
  tier: Tier;
  /** Initials the notes give for them (`Nick Fitzgerald (NF)`), lower-cased. */
  initials: string[];
  /** Derived comparison keys, rebuilt when the record changes. */
  keys?: Keys;
}

/** A person's forms, folded once for comparison. */
interface Keys {
  forms: Set<string>;
  cores: { first: string; last: string; words: string[] }[];
  firsts: string[];
  lasts: string[];
  lastInitial?: string;
  /** Initials derived from the full names, built on first use. */
  derived(): Set<string>;
  handles: string[];
}

function keysOf(p: Person): Keys {
  if (p.keys) return p.keys;
  const r = p.record;
  const full = [r.name, ...r.aliases].filter((n) => nameCore(n) !== null);
  const cores = full.map((n) => nameCore(n)!);
  let derived: Set<string> | undefined;
  const firsts = new Set<string>();
  for (const c of cores) {
    firsts.add(c.words[0]!);
    if (c.words[0]!.includes('-')) firsts.add(c.words[0]!.split('-')[0]!);
  }
  p.keys = {
    forms: new Set([r.name, ...r.aliases, ...r.handles].map((n) => foldNameForm(n))),
    cores,
    firsts: [...firsts],
    lasts: cores.map((c) => c.last),
    lastInitial: cores[0]?.last[0],
    derived: () => (derived ??= new Set(full.flatMap(derivedInitials).map((x) => x.toLowerCase()))),
    handles: r.handles.map((h) => h.toLowerCase()),
  };
  return p.keys;
}

/**
 * More words, then clearly more letters: `Johnnie L Birch Jr` is fuller than
 * `Johnnie Birch`, `Daniel Ehrenberg` than `Dan Ehrenberg`; a one-letter slip
 * (`Alex Chrichton`) is not.
 */
const fuller = (a: string, b: string): boolean => {
  const wa = a.split(/\s+/).length;
  const wb = b.split(/\s+/).length;
  return wa !== wb ? wa > wb : a.length >= b.length + 2;
};

export class Roster {
  private people: Person[] = [];
  private cache = new Map<string, number | null>();
  /** Folded name, alias and handle → the people written so. */
  private byForm = new Map<string, number[]>();
  private indexed: string[][] = [];

  get records(): PersonRecord[] {
    return this.people.map((p) => p.record);
  }

  get size(): number {
    return this.people.length;
  }

  /** Bracketed words two full names of the note share: affiliations, not handles. */
  private readonly notHandles = new Set<string>();

  /**
   * Adds a person, or merges into the person the name already means (same
   * name, same first and last name, a close spelling). Returns the index.
   */
  add(written: string, tier: Tier, initials: string[] = [], handles: string[] = []): number {
    const name = written.replace(/\s+/g, ' ').trim();
    let i = this.sameName(name);
    if (i === null) {
      for (const h of handles) i ??= this.exact(h);
      // Two different full names written with the same bracketed word (`Ana Lima (unaffiliated)`, `Bo Chan
      // (unaffiliated)`) are two people, and the word is no one's handle: an affiliation.
      if (i !== null && /\s/.test(name) && /\s/.test(this.people[i]!.record.name)) {
        const shared = handles.filter((h) => this.people[i!]!.record.handles.includes(h));
        for (const h of shared) this.notHandles.add(h);
        this.people[i]!.record.handles = this.people[i]!.record.handles.filter((h) => !this.notHandles.has(h));
        this.changed(i);
        i = null;
      }
    }
    handles = handles.filter((h) => !this.notHandles.has(h));
    if (i === null) {
      this.people.push({ record: { name, aliases: [], handles: [] }, tier, initials: [] });
      i = this.people.length - 1;
      this.indexed.push([]);
    } else {
      this.addForm(i, name);
      const p = this.people[i]!;
      if (tier === 'attendee' || (tier === 'speaker' && p.tier === 'mentioned')) p.tier = tier;
    }
    const p = this.people[i]!;
    for (const x of initials) if (!p.initials.includes(x.toLowerCase())) p.initials.push(x.toLowerCase());
    for (const h of handles) {
      if (!p.record.handles.includes(h)) p.record.handles.push(h);
    }
    this.changed(i);
    return i;
  }

  /** Takes a record as it is, without merging: for resolving against a finished result. */
  adopt(record: PersonRecord, tier: Tier): number {
    this.people.push({ record: { name: record.name, aliases: [...record.aliases], handles: [...record.handles] }, tier, initials: [] });
    this.indexed.push([]);
    this.changed(this.people.length - 1);
    return this.people.length - 1;
  }

  /** Rebuilds a person's keys and their entries in the form index. */
  private changed(i: number): void {
    const p = this.people[i]!;
    p.keys = undefined;
    this.cache.clear();
    for (const f of this.indexed[i]!) {
      const list = this.byForm.get(f)!.filter((x) => x !== i);
      if (list.length) this.byForm.set(f, list);
      else this.byForm.delete(f);
    }
    const forms = [...keysOf(p).forms];
    for (const f of forms) {
      const list = this.byForm.get(f);
      if (list) list.push(i);
      else this.byForm.set(f, [i]);
    }
    this.indexed[i] = forms;
  }

  /** Records another form someone was written as; a fuller form becomes the name. */
  addForm(i: number, written: string): void {
    const form = written.replace(/\s+/g, ' ').trim();
    const p = this.people[i]!;
    const r = p.record;
    const f = foldNameForm(form);
    if (foldNameForm(r.name) === f || r.aliases.some((a) => foldNameForm(a) === f)) return;
    if (nameCore(form) && (!nameCore(r.name) || fuller(form, r.name))) {
      r.aliases.push(r.name);
      r.name = form;
    } else {
      r.aliases.push(form);
    }
    this.changed(i);
  }

  tierOf(i: number): Tier {
    return this.people[i]!.tier;
  }

  /** The one person a list gives these initials (`Alex (A)`). */
  declared(form: string): number | null {
    const f = foldNameForm(form);
    return this.unique((p) => p.initials.includes(f));
  }

  /** The person a form exactly names (name, alias, handle), when exactly one. */
  exact(form: string): number | null {
    const hits = this.byForm.get(foldNameForm(form.replace(/^@/, '')));
    return hits?.length === 1 ? hits[0]! : null;
  }

  /**
   * The person a full name means: exact, then first and last name, then a
   * close spelling of either, then someone known only by a handle built
   * from the name (`mfischer` for Maria Fischer).
   */
  private sameName(name: string): number | null {
    const exact = this.exact(name);
    if (exact !== null) return exact;
    const core = nameCore(name);
    if (!core) return name.includes(' ') ? null : this.onlyFullName(name);
    const same = this.unique((p) => keysOf(p).cores.some((c) => c.first === core.first && c.last === core.last));
    if (same !== null) return same;
    const close = this.unique((p) =>
      keysOf(p).cores.some((c) => (c.first === core.first && closeSpelling(c.last, core.last)) || (c.last === core.last && closeSpelling(c.first, core.first))),
    );
    if (close !== null) return close;
    // `Ben Titzer` and `Benjamin Titzer`.
    const short = this.unique((p) =>
      keysOf(p).cores.some(
        (c) => c.last === core.last && c.first.length >= 3 && core.first.length >= 3 && (c.first.startsWith(core.first) || core.first.startsWith(c.first)),
      ),
    );
    if (short !== null) return short;
    const byHandle = this.unique((p) => !keysOf(p).cores.length && keysOf(p).handles.some((h) => h.length >= 4 && handleFits(h, core)));
    if (byHandle !== null) return byHandle;
    // `Barnabas` in the list and `Barnabas Busa` as a speaker: one person, when no one else has that first name.
    return this.onlyFirstName(core.first);
  }

  /**
   * The one person known by a capitalised first name alone (`Danny`) who is
   * the only one with that first name: the same meeting writing `Danny Ryan`
   * means them. Never when a full name already has that first name.
   */
  private onlyFirstName(first: string): number | null {
    const lone = this.unique((p) => !keysOf(p).cores.length && /^\p{Lu}\p{Ll}+$/u.test(p.record.name) && foldNameForm(p.record.name) === first);
    if (lone === null) return null;
    return this.unique((p) => keysOf(p).firsts.includes(first)) === null ? lone : null;
  }

  /** The one person with a full name whose first name is this capitalised word (`Marius` for Marius van der Wijden). */
  private onlyFullName(word: string): number | null {
    if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return null;
    const w = foldNameForm(word);
    if (this.unique((p) => !keysOf(p).cores.length && foldNameForm(p.record.name) === w) !== null) return null;
    return this.unique((p) => keysOf(p).firsts.includes(w));
  }

  /**
   * Resolves a written form to a person, or null when it fits no one or
   * more than one. Attendees and named speakers are tried before people
   * only mentioned.
   */
  resolve(form: string): number | null {
    const key = form.trim();
    if (this.cache.has(key)) return this.cache.get(key)!;
    let found = this.resolveIn(key, (p) => p.tier !== 'mentioned');
    if (found === undefined) found = this.resolveIn(key, () => true);
    const result = found ?? null;
    this.cache.set(key, result);
    return result;
  }

  /** undefined: no one fits; null: more than one fits; else the index. */
  private resolveIn(form: string, scope: (p: Person) => boolean): number | null | undefined {
    const inScope = this.people.filter(scope);
    const tryRule = (test: (k: Keys, p: Person) => boolean): number | null | undefined => {
      let hit: Person | undefined;
      for (const p of inScope) {
        if (!test(keysOf(p), p)) continue;
        if (hit) return null;
        hit = p;
      }
      return hit ? this.people.indexOf(hit) : undefined;
    };
    const written = form.trim();
    const f = foldNameForm(written.replace(/^@/, ''));
    const named = (this.byForm.get(f) ?? []).filter((i) => scope(this.people[i]!));
    if (named.length) return named.length === 1 ? named[0] : null;
    const rules: ((k: Keys, p: Person) => boolean)[] = [(_, p) => p.initials.includes(f)];
    const core = nameCore(written);
    const words = f.split(' ');
    if (core) {
      // A full name: same first and last name, or a close spelling.
      rules.push((k) => k.cores.some((c) => c.first === core.first && c.last === core.last));
      rules.push((k) =>
        k.cores.some((c) => (c.first === core.first && closeSpelling(c.last, core.last)) || (c.last === core.last && closeSpelling(c.first, core.first))),
      );
    } else if (words.length === 2 && words[1]!.length === 1) {
      // `Chris F`, `Andrew B.`
      rules.push((k) => k.firsts.includes(words[0]!) && k.lastInitial === words[1]);
    } else if (words.length === 1) {
      const w = words[0]!;
      const dag = SHORT_AND_INITIAL.exec(written);
      if (dag) {
        // `DaG`, `MarkM`: the first letters of the first name and the last initial.
        const head = dag[1]!.toLowerCase();
        const tail = dag[2]!.toLowerCase();
        rules.push((k) => k.firsts.some((n) => n.startsWith(head)) && k.lastInitial === tail);
      }
      rules.push((k) => k.firsts.includes(w));
      const initialAndLast = /^(\p{Lu})(\p{Lu}\p{Ll}{1,3})$/u.exec(written);
      if (initialAndLast) {
        // `DGo`: the first initial and the first letters of the last name.
        const head = initialAndLast[1]!.toLowerCase();
        const tail = initialAndLast[2]!.toLowerCase();
        rules.push((k) => k.cores.some((c) => c.first[0] === head && c.last.startsWith(tail)));
      }
      if (/^\p{Lu}\p{Ll}/u.test(written)) rules.push((k) => k.lasts.includes(w));
      if (INITIALS.test(written) || (/^[a-z]{2,3}$/i.test(written) && written !== written.toLowerCase())) {
        rules.push((k) => k.derived().has(w));
      }
      if (w.length >= 3) {
        // `Dan` for Daniel, `Chris` for Christopher (a known first name), `Ixi` for iximeow.
        const known = wordSense(w) === 'name';
        rules.push((k) => k.firsts.some((n) => n.startsWith(w) && (known || n.length - w.length <= 3)) || k.handles.some((h) => h.startsWith(w)));
      }
      if (isHandle(w) && w.length >= 4) rules.push((k) => k.cores.some((c) => handleFits(w, c)));
      if (/^\p{Lu}\p{Ll}{3,}$/u.test(written)) {
        // `Nthaniel`, `Lannn`: a slip in a first name.
        rules.push((k) => k.firsts.some((n) => closeSpelling(n, w, 4)) || [...k.forms].some((n) => !n.includes(' ') && closeSpelling(n, w, 4)));
      }
      if (/^[a-z]{3}$/i.test(w)) {
        // `SBC`, `sbc`: first and last initial around an unknown middle one.
        rules.push((k) => k.cores.some((c) => c.words.length === 2 && c.first[0] === w[0] && c.last[0] === w[2]));
      }
    }
    for (const rule of rules) {
      const r = tryRule(rule);
      if (r !== undefined) return r;
    }
    return undefined;
  }

  private unique(test: (p: Person) => boolean): number | null {
    let found: number | null = null;
    for (let i = 0; i < this.people.length; i++) {
      if (!test(this.people[i]!)) continue;
      if (found !== null) return null;
      found = i;
    }
    return found;
  }
}
