/**
 * The data that moves through ingest: a file as read, the parsed note every
 * extractor reads, and the meeting record the loader writes.
 *
 * Line numbers are 1-based lines of the file as read (CRLF, CR and LF all end
 * a line), so every fact can point back to its source.
 */

/** A content problem found in one file: reported, never thrown. */
export interface Message {
  path: string;
  line?: number;
  reason: string;
}

/** One file as read from disk. */
export interface SourceFile {
  collection: string;
  /** Path inside the collection, with `/` separators. */
  path: string;
  text: string;
  sha256: string;
  bytes: number;
}

export interface Link {
  url: string;
  /** The link's text; for a bare URL, the URL itself. */
  text: string;
  line: number;
}

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'row' | 'code';

/**
 * The unit every extractor reads: a heading, a paragraph, a list item's own
 * text (not its nested lists), a table row, or a code block. A paragraph whose
 * later lines open with a speaker label (`AC: …`) is split into one block per
 * label.
 */
export interface Block {
  id: number;
  kind: BlockKind;
  /** Plain text: markup removed, link text kept, soft line breaks kept as `\n`. */
  text: string;
  startLine: number;
  endLine: number;
  /** Heading level for headings; list nesting (1 = top level) for items and their paragraphs; 0 otherwise. */
  depth: number;
  /** Index of the innermost section the block is in, -1 before the first heading. */
  section: number;
  /** Id of the list item this block is nested in, -1 at top level. */
  parent: number;
  links: Link[];
  /** Links written as a use of a definition (`[#74]`, `[text][label]`), with the definition's URL, on the line of the use. */
  refLinks?: Link[];
  /** Text of a strong or emphasised run that opens the block (`**Lin Clark:**` gives `Lin Clark:`). */
  lead?: string;
  /** Whether that run is strong (`**Tim**`) rather than emphasised (`*Tim*`); markdown only. */
  leadStrong?: boolean;
  /** Contents of inline code spans, in order. */
  code: string[];
  /** Table rows: the cells, and the header cells of their table. */
  cells?: string[];
  header?: string[];
  /** List items: ordered list, and the task-list checkbox state (null when none). */
  ordered?: boolean;
  checked?: boolean | null;
}

export interface Section {
  id: number;
  heading: string;
  depth: number;
  /** Enclosing section, -1 at the top. */
  parent: number;
  startLine: number;
  /** Last line before the next heading of the same or a higher level. */
  endLine: number;
  /** Id of the heading block. */
  block: number;
}

/** A parsed note: what every extractor reads (parse once). */
export interface Note {
  collection: string;
  path: string;
  sha256: string;
  bytes: number;
  /** The name of the format detection chose (ingest/formats/registry.ts). */
  format: string;
  /** The first heading's text, else the first line of text; never empty. */
  title: string;
  /** For web-page text, the repository path its header names. */
  originalPath?: string;
  /** The file's lines; line n is lines[n - 1]. */
  lines: string[];
  blocks: Block[];
  sections: Section[];
  /** Link reference definitions (`[#74]: https://…`), the first of each label: text is the label, line the definition's. */
  definitions: Link[];
  /** HTML blocks as written (`<No objections>`), every one, whether or not the format read them into blocks. */
  html: RawBlock[];
}

/** A block of the source kept as written, with its lines. */
export interface RawBlock {
  text: string;
  startLine: number;
  endLine: number;
}

export type ReferenceKind = 'PULL_REQUEST' | 'ISSUE' | 'DISCUSSION' | 'RFC' | 'CRATE' | 'ADVISORY';

/** A person as one meeting names them, after resolution inside the meeting. */
export interface PersonRecord {
  /** Fullest form this file gives. */
  name: string;
  /** Every other form this file uses: initials, first name, handle, spellings. */
  aliases: string[];
  /** GitHub handles, without `@`. */
  handles: string[];
}

export interface ReferenceRecord {
  /** Canonical id: `owner/repo#N`, `crate:NAME`, `advisory:ID`. */
  id: string;
  kind: ReferenceKind;
  url?: string;
  title?: string;
  /** Lines it is mentioned on. */
  lines: number[];
}

export interface PassageRecord {
  text: string;
  startLine: number;
  endLine: number;
  /** Heading path of the section, e.g. `Notes › Binary artifacts`. */
  section: string;
  /** Index into MeetingRecord.people, or null. */
  speaker: number | null;
  /** The form the speaker label used (`AC`, `Alex`). */
  speakerAs?: string;
  /** Canonical ids of the references on the passage's lines. */
  refs: string[];
  /** Index of the passage that opens the passage's discussion thread (ingest/annotate/threads.ts). */
  thread?: number;
  /** `agenda` for a planned item, `links` for a link with no words of its own. */
  role?: 'agenda' | 'links' | null;
  /** Whether the passage is the head item (or announced paragraph) that opens its thread, as a heading would. */
  head?: boolean;
  /** Other names the passage gives a thing ("formerly …", "output from the … project"), in index form (extract/topics/other-names.ts). */
  aka?: string[];
}

export interface DecisionRecord {
  text: string;
  startLine: number;
  endLine: number;
  section: string;
  /** Indices into MeetingRecord.people: who stated it and who took part. */
  people: number[];
  refs: string[];
  topics: string[];
}

export interface ActionItemRecord {
  text: string;
  startLine: number;
  endLine: number;
  /** Index into MeetingRecord.people, or null. */
  owner: number | null;
  /** Every person the task is given to, `owner` first (indices into MeetingRecord.people); empty for a group or no owner. */
  owners: number[];
  /** A group owner ("the TSC") when no person owns it. */
  ownerGroup?: string;
}

export interface TopicRecord {
  /** Display form, as people write it. */
  name: string;
  /** Normalised key (see schema/terms.ts). */
  key: string;
  /** How much the meeting said about it. */
  weight: number;
  /** Indices into MeetingRecord.passages. */
  passages: number[];
  /** Where it was found: a thread's heading, an agenda line, a recurring phrase, a reference's title, a decision. */
  kind?: 'thread' | 'agenda' | 'phrase' | 'reference' | 'decision';
  /** Canonical ids of the references the topic names (a reference's title and its id name one subject). */
  refs?: string[];
}

/** An acronym the note defines ("Code of Conduct (CoC)"): retrieval matches either form with the other. */
export interface AcronymRecord {
  /** The initials, lower case (`coc`). */
  short: string;
  /** The name's terms (schema/terms.ts), space-separated (`code conduct`). */
  long: string;
  /** The definition as written, the name and then its initials. */
  text: string;
  line: number;
}

/** Everything ingest extracts from one note; the loader writes it as one unit. */
export interface MeetingRecord {
  collection: string;
  path: string;
  sha256: string;
  title: string;
  date: string | null;
  series: string;
  people: PersonRecord[];
  /** Indices into people. */
  attendees: number[];
  passages: PassageRecord[];
  references: ReferenceRecord[];
  decisions: DecisionRecord[];
  actionItems: ActionItemRecord[];
  topics: TopicRecord[];
  /** Acronyms the note defines. */
  acronyms: AcronymRecord[];
  messages: Message[];
}
