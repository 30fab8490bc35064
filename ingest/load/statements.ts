/**
 * The ingest's Cypher: one file in ingest/load/cypher/ each, read once, each
 * with the type of its parameters, as the read side's runners (api/queries.ts).
 * A test checks that every file has a statement and every statement a file.
 */
import { readFileSync } from 'node:fs';
import type { Params, Row, Tx } from '../../db/driver.js';
import { projectFile } from '../../schema/paths.js';
import type { LoadRows } from './rows.js';

/** One statement: its file's name and the parameters it takes. */
export interface Statement<P extends Params> {
  readonly name: string;
  /** The file's text, read on first use. */
  readonly text: string;
  /** Runs it in a transaction. */
  run(tx: Tx, params: P): Promise<Row[]>;
}

function statement<P extends Params>(name: string): Statement<P> {
  let text: string | undefined;
  const s: Statement<P> = {
    name,
    get text() {
      text ??= readFileSync(projectFile('ingest', 'load', 'cypher', `${name}.cypher`), 'utf8');
      return text;
    },
    run: (tx, params) => tx.run(s.text, params),
  };
  return s;
}

type Ids = { ids: string[] };
type Rows<K extends keyof LoadRows> = { rows: LoadRows[K] };

/** Every statement of the load stage, by what it does. */
export const STATEMENTS = {
  meetingHashes: statement<{ collection: string }>('meeting-hashes'),
  collectionPeople: statement<{ collection: string }>('collection-people'),
  knownHandles: statement<Params>('known-handles'),
  deleteMeetings: statement<Ids>('delete-meetings'),
  writeMeetings: statement<Rows<'meetings'> & { urlBase: string | null }>('write-meetings'),
  writePeople: statement<Rows<'people'>>('write-people'),
  writePassages: statement<Rows<'passages'>>('write-passages'),
  writeReferences: statement<Rows<'references'>>('write-references'),
  writeTopics: statement<Rows<'topics'>>('write-topics'),
  writeDecisions: statement<Rows<'decisions'>>('write-decisions'),
  writeActionItems: statement<Rows<'actionItems'>>('write-action-items'),
  writeAcronyms: statement<Rows<'acronyms'>>('write-acronyms'),
  clearPeople: statement<Ids>('clear-people'),
  completeMeetings: statement<{ speakers: LoadRows['speakers']; meetings: LoadRows['completes'] }>('complete-meetings'),
  sweepOrphans: statement<{ people: string[]; references: string[]; topics: string[] }>('sweep-orphans'),
  linkPeople: statement<Pick<LoadRows, 'owners' | 'involved'>>('link-people'),
  upsertCollection: statement<{ name: string; urlBase: string | null }>('upsert-collection'),
  personForms: statement<Ids>('person-forms'),
  setPersonNames: statement<{ rows: { id: string; name: string; aliases: string[]; handles: string[] }[] }>('set-person-names'),
  importFixes: statement<{
    nodes: { label: string; id: string; props: Params }[];
    relationships: { type: string; start: string; end: string; props: Params }[];
  }>('import-fixes'),
} as const;
