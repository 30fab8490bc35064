/**
 * The first index of a history, built outside the server: a load target
 * (ingest/load/load.ts LoadTarget) that takes the batches the loader would
 * write, applies what each write statement of ingest/load/cypher/ does, and
 * writes the resulting graph as CSV for `neo4j-admin database import`
 * (first-index.ts runs it).
 *
 * What a meeting owns (passages, decisions, action items, acronyms, and their
 * ties to meetings, topics and references), a topic (the first row of it
 * decides, as MERGE … ON CREATE does), and a tie to a person who exists by then
 * (people are never removed from a first index, nor their ids changed) go to
 * disk as they come. What the run settles at its end is held until then:
 * meetings (a meeting written without its people gets its content hash last),
 * people (named from every form their ties give), references (a later row may
 * give a title), and ties to people who may come later in the run (owners,
 * decisions' people). Over the shared corpus tripled (79 MB of notes) what is
 * held takes 42 MB of heap; 137 MB when ties to people, speakers and topics were.
 *
 * Only an empty graph is built this way: nothing is ever removed.
 */
import type { PersonEntry } from '../read/config.js';
import { configuredByForm, settleName } from '../resolve/people.js';
import type { PersonRecord } from '../types.js';
import type { Indexed, LoadTarget, Orphans, PersonLinks } from '../load/load.js';
import type { LoadRows } from '../load/rows.js';
import { CsvGraph, nodeKey } from './csv.js';

type Props = Record<string, unknown>;

/** What settling a person's name reads of a tie to a meeting (write-people.cypher writes the tie itself). */
interface PersonTie {
  meeting: string;
  type: 'ATTENDED' | 'SPOKE_IN' | 'NAMED_IN';
  /** Interned: ties that give the same forms share one array (never changed). */
  forms: readonly string[];
  handles: readonly string[];
}

interface Person {
  name: string;
  aliases: string[];
  handles: string[];
  ties: PersonTie[];
}

/** What the import holds, in counts. */
export interface BulkCounts {
  nodes: number;
  relationships: number;
  meetings: number;
}

const key = {
  meeting: (id: string) => nodeKey('Meeting', id),
  person: (id: string) => nodeKey('Person', id),
  passage: (id: string) => nodeKey('Passage', id),
  topic: (id: string) => nodeKey('Topic', id),
  reference: (id: string) => nodeKey('Reference', id),
  decision: (id: string) => nodeKey('Decision', id),
  item: (id: string) => nodeKey('ActionItem', id),
};

export class BulkGraph implements LoadTarget {
  private readonly csv: CsvGraph;
  private readonly meetings = new Map<string, Props>();
  private readonly people = new Map<string, Person>();
  /** The topics written so far. */
  private readonly topics = new Set<string>();
  private readonly references = new Map<string, { kind: string; url: string | null; title: string | null; terms: string }>();
  private readonly collections = new Map<string, string | null>();
  /** One array for each list of forms or handles ties give (most people give the same forms in many meetings). */
  private readonly interned = new Map<string, readonly string[]>();
  /** Action item → person → rank (OWNED_BY: the first tie made stays). */
  private readonly ownedBy = new Map<string, Map<string, number>>();
  /** Decision → its people (INVOLVES). */
  private readonly involves = new Map<string, Set<string>>();
  private closed = false;

  constructor(dir: string) {
    this.csv = new CsvGraph(dir);
  }

  /** As meeting-hashes.cypher: every meeting of the collection written so far, a held one's hash still missing. */
  async indexedMeetings(collection: string): Promise<Map<string, Indexed>> {
    const out = new Map<string, Indexed>();
    for (const m of this.meetings.values()) {
      if (m.collection === collection) out.set(m.path as string, { sha256: m.sha256 as string, derived: (m.derived as string | undefined) ?? null });
    }
    return out;
  }

  /** As collection-people.cypher: the people with a full name whom the collection's meetings name, with every form and handle written there. */
  async indexedPeople(collection: string): Promise<PersonRecord[]> {
    const out: PersonRecord[] = [];
    for (const p of this.people.values()) {
      const ties = p.ties.filter((t) => this.meetings.get(t.meeting)?.collection === collection);
      if (!ties.length || p.name.split(' ').length < 2) continue;
      const forms = ties.flatMap((t) => t.forms);
      out.push({ name: p.name, aliases: [...new Set(forms)].filter((f) => f !== p.name), handles: [...new Set(ties.flatMap((t) => t.handles))] });
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async knownHandles(): Promise<{ id: string; handles: string[] }[]> {
    return [...this.people].filter(([, p]) => p.handles.length > 0).map(([id, p]) => ({ id, handles: [...p.handles] }));
  }

  /** One batch, as the write statements apply it (load.ts writeRows), in their order. */
  async writeBatch(rows: LoadRows, urlBase: string | undefined): Promise<void> {
    this.open();
    for (const m of rows.meetings) this.meetings.set(m.id, { ...m.props, id: m.id, url: urlBase === undefined ? null : `${urlBase}/${m.urlPath}` });
    for (const r of rows.people) {
      let p = this.people.get(r.person);
      if (!p) this.people.set(r.person, (p = { name: r.forms[0]!, aliases: [], handles: [], ties: [] }));
      const forms = this.intern(r.forms);
      const handles = this.intern(r.handles);
      const tie = (type: PersonTie['type'], passages: number | null) => {
        p!.ties.push({ meeting: r.meeting, type, forms, handles });
        this.csv.relationship(type, key.person(r.person), key.meeting(r.meeting), { forms, handles: handles.length ? handles : null, passages });
      };
      if (r.attended) tie('ATTENDED', null);
      if (r.spoke > 0) tie('SPOKE_IN', r.spoke);
      if (!r.attended && r.spoke === 0 && r.named) tie('NAMED_IN', null);
    }
    for (const x of rows.passages) {
      this.csv.node('Passage', x.id, { ...x.props, id: x.id });
      this.csv.relationship('IN', key.passage(x.id), key.meeting(x.meeting));
      if (x.speaker !== null && this.people.has(x.speaker)) this.spokenBy(x.id, x.speaker);
    }
    for (const r of rows.references) {
      const known = this.references.get(r.id);
      const title = known?.title ?? r.title;
      this.references.set(r.id, { kind: known?.kind ?? r.kind, url: known ? known.url : r.url, title, terms: `${title ?? ''} ${r.terms}` });
      this.csv.relationship('REFERENCES', key.meeting(r.meeting), key.reference(r.id), { lines: r.lines });
      for (const pid of r.passages) this.csv.relationship('MENTIONS', key.passage(pid), key.reference(r.id));
    }
    for (const t of rows.topics) {
      if (!this.topics.has(t.id)) {
        this.topics.add(t.id);
        this.csv.node('Topic', t.id, { id: t.id, name: t.name, terms: t.terms, query: t.query });
      }
      this.csv.relationship('DISCUSSES', key.meeting(t.meeting), key.topic(t.id), { weight: t.weight, kind: t.kind, refs: t.refs.length ? t.refs : null });
      for (const pid of t.passages) this.csv.relationship('ABOUT', key.passage(pid), key.topic(t.id));
    }
    for (const d of rows.decisions) {
      this.csv.node('Decision', d.id, { ...d.props, id: d.id });
      this.csv.relationship('IN', key.decision(d.id), key.meeting(d.meeting));
      for (const pid of d.people) if (this.people.has(pid)) this.involve(d.id, pid);
      for (const tid of d.topics) if (this.topics.has(tid)) this.csv.relationship('ABOUT', key.decision(d.id), key.topic(tid));
      for (const rid of d.refs) if (this.references.has(rid)) this.csv.relationship('CITES', key.decision(d.id), key.reference(rid));
    }
    for (const a of rows.actionItems) {
      this.csv.node('ActionItem', a.id, { ...a.props, id: a.id });
      this.csv.relationship('IN', key.item(a.id), key.meeting(a.meeting));
      a.owners.forEach((pid, rank) => {
        if (this.people.has(pid)) this.own(a.id, pid, rank);
      });
    }
    for (const x of rows.acronyms) {
      this.csv.node('Acronym', x.id, { ...x.props, id: x.id });
      this.csv.relationship('IN', nodeKey('Acronym', x.id), key.meeting(x.meeting));
    }
    this.link(rows);
    for (const s of rows.speakers) if (this.people.has(s.person)) this.spokenBy(s.passage, s.person);
    for (const c of rows.completes) {
      const m = this.meetings.get(c.id);
      if (m) m.sha256 = c.sha256;
    }
  }

  /** Nothing is removed from a first index: its folder's files were never indexed. */
  async deleteMeetings(collection: string, paths: string[]): Promise<void> {
    if (paths.length) throw new Error(`a first index removes no meeting, but ${collection} would lose ${paths.length}`);
  }

  /** As finishCollection: the links to people first seen later in the run, and the collection. (No removal: nothing to sweep.) */
  async finishCollection(options: { collection: string; urlBase?: string; orphans: Orphans; links: PersonLinks }): Promise<void> {
    this.open();
    this.link(options.links);
    this.collections.set(options.collection, options.urlBase ?? null);
  }

  /** As settlePeople: each touched person's name, aliases and handles from every form written, in meeting order. */
  async settlePeople(ids: string[], entries: PersonEntry[]): Promise<void> {
    const configured = configuredByForm(entries);
    for (const id of ids) {
      const p = this.people.get(id);
      if (!p) continue;
      const ties = [...p.ties].sort((a, b) => compare(a.meeting, b.meeting) || compare(a.type, b.type));
      const settled = settleName(
        id,
        ties.flatMap((t) => t.forms),
        ties.flatMap((t) => t.handles),
        configured,
      );
      p.name = settled.name;
      p.aliases = settled.aliases;
      p.handles = settled.handles;
    }
  }

  /**
   * Writes what was held (meetings, people, references, collections and the
   * owners' and decisions' ties to people) and closes the files: what the import tool reads,
   * and the values it cannot write, for import-fixes.cypher.
   */
  close(): { files: ReturnType<CsvGraph['close']>; fixes: CsvGraph['fixes']; counts: BulkCounts } {
    this.open();
    this.closed = true;
    for (const [id, m] of this.meetings) this.csv.node('Meeting', id, m);
    for (const [id, r] of this.references) this.csv.node('Reference', id, { id, ...r });
    for (const [name, urlBase] of this.collections) this.csv.node('Collection', name, { name, urlBase });
    for (const [id, p] of this.people) {
      this.csv.node('Person', id, { id, name: p.name, aliases: p.aliases.length ? p.aliases : null, handles: p.handles.length ? p.handles : null });
    }
    for (const [item, owners] of this.ownedBy)
      for (const [person, rank] of owners) this.csv.relationship('OWNED_BY', key.item(item), key.person(person), { rank });
    for (const [decision, people] of this.involves) for (const person of people) this.csv.relationship('INVOLVES', key.decision(decision), key.person(person));
    const counts = { nodes: this.csv.nodes, relationships: this.csv.relationships, meetings: this.meetings.size };
    return { files: this.csv.close(), fixes: this.csv.fixes, counts };
  }

  /** Closes the files without writing what was held (a run that failed: nothing is imported). */
  discard(): void {
    if (this.closed) return;
    this.closed = true;
    this.csv.close();
  }

  /** A passage's speaker, who exists (SPOKEN_BY, made as write-passages.cypher and complete-meetings.cypher make it). */
  private spokenBy(passage: string, person: string): void {
    this.csv.relationship('SPOKEN_BY', key.passage(passage), key.person(person));
  }

  /** The one array held for these strings. */
  private intern(strings: readonly string[]): readonly string[] {
    const k = JSON.stringify(strings);
    let held = this.interned.get(k);
    if (!held) this.interned.set(k, (held = [...strings]));
    return held;
  }

  /** link-people.cypher: owners and decisions' people tied where not yet, when the person exists. */
  private link(links: Pick<LoadRows, 'owners' | 'involved'>): void {
    for (const o of links.owners) if (this.people.has(o.person)) this.own(o.item, o.person, o.rank);
    for (const i of links.involved) if (this.people.has(i.person)) this.involve(i.decision, i.person);
  }

  private own(item: string, person: string, rank: number): void {
    let owners = this.ownedBy.get(item);
    if (!owners) this.ownedBy.set(item, (owners = new Map()));
    if (!owners.has(person)) owners.set(person, rank);
  }

  private involve(decision: string, person: string): void {
    let people = this.involves.get(decision);
    if (!people) this.involves.set(decision, (people = new Set()));
    people.add(person);
  }

  private open(): void {
    if (this.closed) throw new Error('the first index was already written out');
  }
}

/** Strings in the order Cypher's ORDER BY gives them (UTF-16 code units, as Java compares). */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
