/**
 * The vocabulary of meeting notes: the cue words and label forms every stage
 * reads (how people write a speaker's turn, what heads an attendance or
 * agenda section …), kept as tables. A format extends or overrides rows of the
 * default; `compileVocabulary` turns the tables into the regexes the stages
 * use, once per vocabulary.
 */
import { DATE_WORDS, NAME_WORDS, OUTCOME_WORDS, TASK_WORDS, type DateWords, type NameWords, type OutcomeWords, type TaskWords } from './cue-words.js';

export type { DateWords, GroupWords, NameWords, OutcomeWords, TaskWords } from './cue-words.js';
export { GROUP_WORDS } from './cue-words.js';

/** What a section holds, told by its heading. */
export type SectionKind = 'attendance' | 'members' | 'agenda' | 'schedule' | 'notes' | 'outcome' | 'logistics' | 'procedure';

/** The tables one format's notes are read with. Each row is data, not control flow. */
export interface Vocabulary {
  /**
   * Section kinds: the words (regex fragments, lower case, matched
   * case-insensitively) whose heading says what a section holds.
   */
  sections: Record<SectionKind, readonly string[]>;
  /** Words before a section kind's word that keep its kind: `Final decisions`, `Other outcomes`. */
  sectionQualifiers: readonly string[];
  /** Words after it that keep it: `Logistics info`, `Attendance details`. */
  sectionSuffixes: readonly string[];
  /**
   * Speaker turns inside a paragraph: the characters a label may hold after
   * its first letter, and its longest length. A line `Label: text` whose label
   * fits opens a new turn (and a new block).
   */
  turnLabel: { chars: string; max: number };
  /**
   * Labels that open a block (annotate/units, people/speakers, decisions/polls
   * read them): `chars`, what a `Name:` label holds after its first letter
   * (wider than a turn's: `Ana & Bo:`, `Ana/Bo:`, `Ana, Bo:`), and its longest
   * length; `dashChars`/`dashMax`, the one-word label before a dash
   * (`fitzgen - …`); `bracketMax`, the longest `[Name]`; `replyMax`, the
   * longest label a short reply may open with (`Ana: no`).
   */
  blockLabel: { chars: string; max: number; dashChars: string; dashMax: number; bracketMax: number; replyMax: number };
  /**
   * Words (regex fragments) that open a block as a label but name no speaker:
   * the common headings of note-taking (`Notes:`, `Next steps:`, `Q:`). The
   * outcome and task labels (`Decision:`, `Action items:`) are added to them
   * when compiled, so a format's own labels are no speakers either.
   */
  notSpeakerLabels: readonly string[];
  /**
   * The small words a name holds that its initials may skip or keep (lower
   * case): "Code of Conduct" is CoC or CC; a name never opens with one.
   */
  nameSmallWords: readonly string[];
  /** How an outcome the group reached is written (cue-words.ts). */
  outcomes: OutcomeWords;
  /** How a task someone takes on is written (cue-words.ts). */
  tasks: TaskWords;
  /** How a date is written in words (cue-words.ts). */
  dates: DateWords;
  /** How another name of a thing is given (cue-words.ts). */
  names: NameWords;
}

/** The default vocabulary: what notes in markdown, in English, write. */
export const DEFAULT_VOCABULARY: Vocabulary = {
  sections: {
    attendance: [
      'attendees?',
      'attendance',
      'attending',
      'present',
      'participants?',
      'guests',
      'roll[\\s-]?call',
      "who(?:'|’)?s\\s+here",
      '(?:also|others)\\s+present',
      'not\\s+attending',
      'absent',
      'regrets',
      'apologies',
      'people',
    ],
    // Note: a roster only as the whole heading; `Team updates`, `Members with pointers …` are topics.
    members: ['(?:core\\s+)?team(?:\\s+members)?', 'members(?:\\s+present)?'],
    agenda: ['agendas?'],
    schedule: ['schedule'],
    notes: ['notes', 'minutes', 'discussions?'],
    outcome: [
      'conclusions?',
      'resolutions?',
      'outcomes?',
      'decisions?(?:\\s+(?:made|taken|reached))?',
      'agreed',
      'agreements',
      'summary\\s+of\\s+(?:key\\s+points|decisions|outcomes)',
      'what\\s+we\\s+(?:decided|agreed)',
    ],
    logistics: [
      'logistics',
      '(?:physical\\s+)?locations?',
      'venue',
      'registration',
      'travel',
      'transportation',
      'getting there',
      'directions',
      'hotels?',
      'lodging',
      'dinner',
      'social event',
      'parking',
      'wi-?fi',
    ],
    procedure: ['opening', 'closure', 'adjourn\\w*'],
  },
  sectionQualifiers: ['other', 'misc(?:ellaneous)?', 'final', 'key', 'main', 'further', 'additional', 'tentative', 'provisional'],
  sectionSuffixes: ['info', 'information', 'details'],
  turnLabel: { chars: "\\p{L}\\p{M}0-9 .'_-", max: 40 },
  blockLabel: { chars: "\\p{L}\\p{M}\\p{N} .'’_@/&,+-", max: 48, dashChars: '\\p{L}\\p{M}\\p{N}._@-', dashMax: 30, bracketMax: 60, replyMax: 30 },
  nameSmallWords: ['a', 'an', 'and', 'at', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with', 'by', '&'],
  notSpeakerLabels: [
    'polls?',
    'straw poll',
    'votes?',
    'ais?',
    'next steps?',
    'notes?',
    'topics?',
    'updates?',
    'agenda',
    'questions?',
    'discussion',
    'summary',
    'proposal',
    'status',
    'links?',
    'slides',
    'context',
    'background',
    'problem',
    'goal',
    'goals',
    'idea',
    'ideas',
    'pros?',
    'cons?',
    'options?',
    'example',
    String.raw`e\.g\.`,
    String.raw`i\.e\.`,
    'nb',
    String.raw`n\.b\.`,
    'edit',
    'update',
    'fyi',
    'tl;?dr',
    'q',
    'a',
    're',
    'cc',
    'pr',
    'issue',
    'rfc',
    'http',
    'https',
    'meeting notes',
    'attendees',
    'present',
    'date',
    'time',
    'location',
    'where',
    'when',
    'why',
    'what',
    'how',
  ],
  outcomes: OUTCOME_WORDS,
  tasks: TASK_WORDS,
  dates: DATE_WORDS,
  names: NAME_WORDS,
};

/** One section kind's words compiled three ways. */
export interface SectionMatchers {
  /** The whole (cleaned) heading names the kind, maybe qualified: `Attendees`, `Final decisions`, `Logistics info:`. */
  readonly whole: RegExp;
  /** The heading opens with a word of the kind: `Attendance (in person)`. */
  readonly opens: RegExp;
  /** A word of the kind anywhere in the heading: `Meeting agenda`. */
  readonly mentions: RegExp;
}

/** A vocabulary's tables compiled to the regexes the stages match with. */
export interface CompiledVocabulary {
  readonly tables: Readonly<Vocabulary>;
  /** Per section kind, the matchers of its headings. */
  readonly sections: Readonly<Record<SectionKind, SectionMatchers>>;
  /** A line that opens a new speaker's turn inside a paragraph (parse splits the paragraph there). */
  readonly turnLine: RegExp;
  /**
   * What opens a head line before its title: list markers or numbering, then
   * a speaker label of at most 30 characters (a head's label is short), all
   * optional (threads.ts takes it off a thread's head).
   */
  readonly headLead: RegExp;
  /**
   * What opens a line before its words: list, quote or heading marks, a
   * bracketed label, then a speaker or item label of at most 30 characters
   * (bold or not), all optional. Topic names and reference titles take it off.
   */
  readonly lineLead: RegExp;
  /** The line lead of a reference's title (markup already off): spaced list markers, a bracketed label, a label. */
  readonly titleLead: RegExp;
  /** A whole label (markup off) that names no speaker: a note-taking heading, an outcome label or a task label. */
  readonly notSpeaker: RegExp;
}

/** The default vocabulary with a format's rows laid over it (a format's table replaces the default's). */
export function mergeVocabulary(over: Partial<Vocabulary> = {}): Vocabulary {
  return { ...DEFAULT_VOCABULARY, ...over };
}

/** How a line's lead is read where readers differ; every reader shares the rest of the form. */
export interface LeadOptions {
  /** Quote (`>`) and heading (`#`) marks may open the line, besides list markers and numbers; a mark needs no space after it. */
  marks?: boolean;
  /** A bracketed label (`[Ana] -`) may come before the label. */
  bracket?: boolean;
  /** Bold (`**Ana:**`) may wrap the label. */
  bold?: boolean;
  /** The characters a label holds after its first letter: the turn label's unless given. */
  chars?: string;
  /** Only a label with text after it on the line is a lead (a reference title's line has its link cut out: a label there may be the title). */
  followed?: boolean;
}

/**
 * What opens a line before its words, all optional: list markers or
 * numbering (quote and heading marks too, with `marks`), a bracketed label,
 * then a label of at most 30 characters (a lead's label is short) and a
 * colon, with text after it on the line.
 */
export function leadForm(
  vocabulary: Vocabulary,
  { marks = false, bracket = false, bold = false, chars = vocabulary.turnLabel.chars, followed = true }: LeadOptions,
): RegExp {
  const marker = marks ? String.raw`(?:\s*(?:[-*+•>]|\d+[.)]|#+))*\s*` : String.raw`(?:\s*(?:[-*+•]|\d+[.)])\s+)*`;
  const b = bold ? String.raw`(?:\*\*|__)?` : '';
  const label = String.raw`(?:${b}[\p{L}@][${chars}]{0,30}?${b}\s?:${b}\s+${followed ? '(?=\\S)' : ''})?`;
  return new RegExp(`^${marker}${bracket ? String.raw`(?:\[[^\]]{1,30}\]\s*[-:]?\s*)?` : ''}${label}`, 'u');
}

/** Compiles a vocabulary's tables to regexes. Call once per vocabulary (the registry caches). */
export function compileVocabulary(vocabulary: Vocabulary): CompiledVocabulary {
  const { chars, max } = vocabulary.turnLabel;
  const any = (words: readonly string[]) => words.join('|');
  const sections = Object.fromEntries(
    Object.entries(vocabulary.sections).map(([kind, words]) => [
      kind,
      {
        whole: new RegExp(`^(?:(?:${any(vocabulary.sectionQualifiers)})\\s+)?(?:${any(words)})(?:\\s+(?:${any(vocabulary.sectionSuffixes)}))?:?$`, 'i'),
        opens: new RegExp(`^(?:${any(words)})\\b`, 'i'),
        mentions: new RegExp(`\\b(?:${any(words)})\\b`, 'i'),
      },
    ]),
  ) as Record<SectionKind, SectionMatchers>;
  const notSpeaker = [
    ...vocabulary.notSpeakerLabels,
    ...vocabulary.outcomes.labels.nouns,
    ...vocabulary.outcomes.labels.words,
    ...vocabulary.tasks.labels.words,
  ];
  return {
    tables: vocabulary,
    sections,
    notSpeaker: new RegExp(`^(?:${any(notSpeaker)})$`, 'i'),
    // Note: optional bullet, optional bold around the label, a colon, then text on the same line.
    headLead: new RegExp(`^(?:\\s*(?:[-*+•]|\\d+[.)]))*\\s*(?:(?:\\*\\*|__)?[\\p{L}@][${chars}]{0,30}?(?:\\*\\*|__)?\\s?:(?:\\*\\*|__)?\\s+)?`, 'u'),
    // Note: no digits in a title's label: `EIP-7549: …`, `Proposal 1:` name the thing itself.
    titleLead: leadForm(vocabulary, { bracket: true, followed: false, chars: "\\p{L} .'-" }),
    // Note: a line's label may name several people (`Ana/Bo:`, `Ana, Bo:`, `Ana & Bo:`).
    lineLead: leadForm(vocabulary, { marks: true, bold: true, chars: "\\p{L}\\p{M}0-9 .'_/,&-" }),
    turnLine: new RegExp(`^\\s*(?:[-*]\\s+)?(?:\\*\\*|__)?[\\p{L}@][${chars}]{0,${max}}?(?:\\*\\*|__)?\\s?:(?:\\*\\*|__)?\\s+\\S`, 'u'),
  };
}

/**
 * A compile step memoised per table object: the cue modules of later stages
 * compile their forms from one table of a vocabulary (its outcome, task or
 * date words) once, however many notes read it.
 */
export function perTable<T extends object, V>(compile: (table: T) => V): (table: T) => V {
  const compiled = new WeakMap<T, V>();
  return (table) => {
    let value = compiled.get(table);
    if (value === undefined) compiled.set(table, (value = compile(table)));
    return value;
  };
}

/** The forms of a label opening a block, compiled from one `blockLabel` table: the speaker-label grammar every stage reads. */
export interface LabelForms {
  /** `[Bailey]`, `[Bailey]:` (group 1: the label). */
  readonly bracket: RegExp;
  /** `Alex:`, `Ana (Igalia):`, a parenthetical inside the label (group 1). */
  readonly colon: RegExp;
  /** `fitzgen - …` (group 1). */
  readonly dash: RegExp;
  /** `Ana (Igalia): …` with the aside apart: group 1 the label, 2 the aside, 3 the rest. */
  readonly colonAside: RegExp;
  /** `[Bailey] - …`: group 1 the label, 2 the rest. */
  readonly bracketRest: RegExp;
  /** `Ana Lopez - …`, a surname allowed after a one-word label: group 1 the label, 2 the rest. */
  readonly dashSurname: RegExp;
}

/** The label forms of a vocabulary's `blockLabel` table, compiled once per table. */
export const labelForms = perTable((t: Vocabulary['blockLabel']): LabelForms => ({
  bracket: new RegExp(`^\\[([^\\]\\n]{1,${t.bracketMax}})\\]\\s*:?\\s*`, 'u'),
  colon: new RegExp(`^([\\p{L}@][()${t.chars}]{0,${t.max}}?)\\s*:\\s*`, 'u'),
  dash: new RegExp(`^([\\p{L}@][${t.dashChars}]{1,${t.dashMax}}) [-–—] `, 'u'),
  colonAside: new RegExp(`^([\\p{L}@][${t.chars}]{0,${t.max}}?)\\s*(\\([^)]{0,60}\\)|\\[[^\\]]{0,60}\\])?\\s*:(?=\\s|$)\\s*(.*)$`, 'u'),
  bracketRest: new RegExp(`^\\[([^\\]\\n]{1,${t.bracketMax}})\\]\\s*(?:[:\\-–—]\\s*)?(.*)$`, 'u'),
  dashSurname: new RegExp(`^([\\p{L}@][${t.dashChars}]{1,${t.dashMax}}(?: [\\p{Lu}][\\p{L}'’-]+)?)\\s+[-–—]\\s+(\\S.*)$`, 'u'),
}));
