/**
 * Who speaks in each block of a note, read against the meeting's roster:
 * labels first (a label naming no one on the roster is still a person when
 * the note is written with such labels), then plain attributions, then notes
 * nested under a label that says nothing itself.
 */
import { CASELESS_NAME } from './names.js';
import type { Roster } from './roster.js';
import { attributions, boldTurn, type Attribution, formKind, initialsLed, labelCandidate, type FormKind, type LabelCandidate } from './speakers.js';
import { inflectedWord, plausibleName, wordSense } from './words.js';
import type { Block, Note } from '../../types.js';
import { vocabularyOf } from '../../formats/registry.js';
import { GROUP_WORDS } from '../../formats/vocabulary.js';
import { sectionHeading } from '../../annotate/units.js';

interface Candidate {
  block: Block;
  label: LabelCandidate;
}

/**
 * The speaker of every block (an index into the roster, which gains the
 * speakers it did not know) and the form each was written as. `skip`: blocks
 * of attendee lists.
 */
export function findSpeakers(
  note: Note,
  textOf: (b: Block) => string,
  skip: Set<number>,
  roster: Roster,
): { speakerOf: (number | null)[]; speakerAs: (string | undefined)[] } {
  const speakerOf: (number | null)[] = note.blocks.map(() => null);
  const speakerAs: (string | undefined)[] = note.blocks.map(() => undefined);
  const hasChildren = new Set(note.blocks.map((b) => b.parent).filter((p) => p >= 0));
  const aside = logisticsSections(note);
  const eligible = (b: Block) => (b.kind === 'paragraph' || b.kind === 'item') && !skip.has(b.id) && !aside.has(b.section);

  const vocabulary = vocabularyOf(note.format);
  const candidates: Candidate[] = [];
  for (const b of note.blocks) {
    if (!eligible(b)) continue;
    const text = textOf(b);
    const label =
      labelCandidate(text, b.kind === 'item', hasChildren.has(b.id), vocabulary) ??
      (b.kind === 'paragraph' && b.leadStrong ? boldTurn(text, b.lead) : null) ??
      initialsLed(text);
    if (label) candidates.push({ block: b, label });
  }
  const labelled = new Set(candidates.map((c) => c.block.id));

  // Full names written as labels join the roster before short forms are read.
  for (const { label } of candidates) {
    if (label.kind !== 'colon' && label.kind !== 'bracket' && label.kind !== 'bold') continue;
    for (const f of label.forms) {
      if (formKind(f) !== 'name') continue;
      const i = roster.resolve(f);
      if (i !== null) roster.addForm(i, f);
      else if (plausibleName(f)) roster.add(f, 'speaker');
    }
  }

  const lowerCount = lowercaseCounter(note);
  const stats = labelStats(candidates, roster);
  // Forms are recorded on their people at the end, so that every label is read against the same roster.
  const forms: [number, string][] = [];
  const accept = (form: string, kind: FormKind, label: LabelCandidate): number | null => {
    // Initials without a colon, one letter or a template word name someone only where the list gives them.
    if (label.kind === 'led' || kind === 'declared') {
      const i = roster.declared(form);
      if (i !== null) forms.push([i, form]);
      return i;
    }
    const strict = label.kind === 'dash' || label.kind === 'bare' || label.kind === 'possessive';
    const i = roster.resolve(form);
    if (i !== null) {
      if (strict && roster.tierOf(i) === 'mentioned') return null;
      forms.push([i, form]);
      return i;
    }
    if (strict || label.rest === 'link') return null;
    // A bold name alone on its line is a turn in a transcript of such turns, not a lone bold word.
    if (label.kind === 'bold' ? !boldSpeaker(form, kind, stats, lowerCount) : !unresolvedSpeaker(form, kind, label.rest === 'empty', stats, lowerCount))
      return null;
    return roster.add(form, 'speaker', [], kind === 'handle' ? [form] : []);
  };

  const fromEmptyLabel = new Set<number>();
  /** Paragraph turns (`**Tim**` alone on its line) whose words follow in the next blocks. */
  const turnOpeners = new Set<number>();
  for (const { block, label } of candidates) {
    if (label.rest === 'number') continue;
    for (const f of formsInOrder(label, roster)) {
      const i = label.paren?.includes(f) && !label.forms.includes(f) ? presenter(f, roster, lowerCount, forms) : accept(f, formKind(f)!, label);
      if (i === null) continue;
      speakerOf[block.id] = i;
      speakerAs[block.id] = f;
      if (label.rest === 'empty') fromEmptyLabel.add(block.id);
      if (block.kind === 'paragraph' && (label.kind === 'bold' || label.rest === 'empty')) turnOpeners.add(block.id);
      break;
    }
  }

  const found = new Map<number, Attribution[]>();
  const attributedCount = new Map<string, number>();
  /** The turn the blocks being read belong to: opened by a paragraph label, closed by a heading or the next label. */
  let turn: { speaker: number; as: string | undefined; section: number } | null = null;
  for (const b of note.blocks) {
    if (b.kind === 'heading' || labelled.has(b.id) || (turn && b.section !== turn.section)) turn = null;
    if (turnOpeners.has(b.id)) turn = { speaker: speakerOf[b.id]!, as: speakerAs[b.id], section: b.section };
    if (!eligible(b) || speakerOf[b.id] !== null) continue;
    if (turn) {
      speakerOf[b.id] = turn.speaker;
      speakerAs[b.id] = turn.as;
      continue;
    }
    // Notes nested under a label that says nothing itself are that speaker's.
    if (b.parent >= 0 && speakerOf[b.parent] !== null && fromEmptyLabel.has(b.parent) && !labelled.has(b.id)) {
      speakerOf[b.id] = speakerOf[b.parent]!;
      speakerAs[b.id] = speakerAs[b.parent];
      fromEmptyLabel.add(b.id);
      continue;
    }
    const list = attributions(textOf(b));
    if (!list.length) continue;
    found.set(b.id, list);
    for (const { forms } of list) attributedCount.set(forms[0]!, (attributedCount.get(forms[0]!) ?? 0) + 1);
  }
  for (const [id, list] of found) {
    for (const attribution of list) {
      const written = attribution.forms;
      const i = attributed(attribution, roster, attributedCount, lowerCount);
      if (i === null) continue;
      speakerOf[id] = i;
      speakerAs[id] = written.find((f) => roster.resolve(f) === i) ?? written[0];
      forms.push([i, speakerAs[id]!]);
      break;
    }
  }
  for (const [i, f] of forms) roster.addForm(i, f);
  return { speakerOf, speakerAs };
}

/**
 * The forms a label offers, in the order they are tried: the label's own
 * names on the roster (`Alex Crichton (Fastly):`), then bracketed names on
 * it (`Library Carpentry (Mateusz):`), then bracketed names, then the label's.
 */
function formsInOrder(label: LabelCandidate, roster: Roster): string[] {
  if (!label.paren?.length) return label.forms;
  // An abbreviation after a template word (`Action Items (AIs):`) or a list of things (`help (IPNS + Filecoin):`) names no one.
  if (label.paren.some((f) => formKind(f) !== 'word' && formKind(f) !== 'name' && roster.resolve(f) === null)) return label.forms;
  const known = (f: string) => roster.resolve(f) !== null;
  // `Neville (Dedaub):` is Neville; `Update (Scott):` over notes is Scott.
  const out = [...label.forms.filter(known), ...label.paren.filter(known), ...label.forms, ...label.paren];
  return [...new Set(out)];
}

/**
 * A presenter named in brackets before a colon: someone on the roster, a
 * plausible full name, or a capitalised word that is no common word and
 * never written in lower case in the note (`Rikki`, not `Google` in `google`).
 */
function presenter(form: string, roster: Roster, lowerCount: (word: string) => number, forms: [number, string][]): number | null {
  const i = roster.resolve(form);
  if (i !== null) {
    forms.push([i, form]);
    return i;
  }
  const kind = formKind(form);
  if (kind === 'name') return plausibleName(form) ? roster.add(form, 'speaker') : null;
  if (kind !== 'word' || wordSense(form) === 'word' || inflectedWord(form) || /^\p{Lu}{2,}s$/u.test(form) || lowerCount(form.toLowerCase()) > 0) return null;
  return roster.add(form, 'speaker');
}

/**
 * The person an attribution names: the longest form that resolves; else a
 * new full name, or a single word read as a first name (`Calvin and Till
 * discussed…` in notes without an attendee list).
 */
function attributed({ forms, guest }: Attribution, roster: Roster, count: Map<string, number>, lowerCount: (word: string) => number): number | null {
  for (const f of forms) {
    const i = roster.resolve(f);
    if (i !== null) return i;
  }
  const full = forms[0]!;
  const kind = formKind(full);
  if (kind === 'name') return plausibleName(full) ? roster.add(full, 'speaker') : null;
  if (kind !== 'word') return null;
  const sense = wordSense(full);
  // An unknown word is a name when it is attributed twice, or named as a guest mid-sentence (`met with Itamar`), and never in lower case.
  const named =
    sense === 'name' ||
    (((count.get(full) ?? 0) >= 2 || (guest && sense === 'unknown' && /^\p{Lu}\p{Ll}+$/u.test(full))) &&
      lowerCount(full.toLowerCase()) === 0 &&
      !inflectedWord(full));
  return named ? roster.add(full, 'speaker') : null;
}

/** Sections on how to get there (`Logistics`, `Dinner`, `Wifi`): their `Caltrain:` and `Hotel:` lines are no one's turn. */
function logisticsSections(note: Note): Set<number> {
  const logistics = vocabularyOf(note.format).sections.logistics.whole;
  const out = new Set<number>();
  for (const s of note.sections) {
    if (logistics.test(sectionHeading(s)) || (s.parent >= 0 && out.has(s.parent))) out.add(s.id);
  }
  return out;
}

interface LabelStats {
  /** Distinct initials labels that name a listed person. */
  initialsResolved: number;
  initialsSeen: number;
  handlesResolved: number;
  handlesSeen: number;
  /** Distinct label forms that name someone: on the roster, a known first name, or a full name. */
  resolved: number;
  /** How often each form opens a block. */
  count: Map<string, number>;
  /** Blocks opened by a bold name alone on its line. */
  bold: number;
}

function labelStats(candidates: Candidate[], roster: Roster): LabelStats {
  const s: LabelStats = { initialsResolved: 0, initialsSeen: 0, handlesResolved: 0, handlesSeen: 0, resolved: 0, count: new Map(), bold: 0 };
  const seen = new Set<string>();
  for (const { label } of candidates) {
    if (label.kind === 'bold') s.bold += 1;
    for (const f of label.forms) {
      s.count.set(f, (s.count.get(f) ?? 0) + 1);
      const kind = formKind(f);
      if (kind === 'initials' || kind === 'short') s.initialsSeen += 1;
      if (kind === 'handle') s.handlesSeen += 1;
      if (seen.has(f)) continue;
      seen.add(f);
      const i = roster.resolve(f);
      if (i === null || roster.tierOf(i) === 'mentioned') {
        if ((kind === 'word' && wordSense(f) === 'name') || (kind === 'name' && plausibleName(f))) s.resolved += 1;
        continue;
      }
      s.resolved += 1;
      if (kind === 'initials' || kind === 'short') s.initialsResolved += 1;
      if (kind === 'handle') s.handlesResolved += 1;
    }
  }
  return s;
}

/**
 * Whether a label naming no one on the roster is still a person: a full
 * name; a first name; initials or handles in a note written with them. A
 * label with nothing after it is a heading unless it is a known first name.
 */
function unresolvedSpeaker(form: string, kind: FormKind, empty: boolean, s: LabelStats, lowerCount: (word: string) => number): boolean {
  const count = s.count.get(form) ?? 0;
  const sense = kind === 'word' || kind === 'handle' ? wordSense(form) : 'unknown';
  if (empty) return sense === 'name';
  switch (kind) {
    case 'name':
      return plausibleName(form);
    case 'word':
      // A word in a caseless script may be a name or any word: only the roster tells.
      if (CASELESS_NAME.test(form)) return false;
      if (sense !== 'unknown') return sense === 'name';
      if (lowerCount(form.toLowerCase()) > 0) return false;
      return (count >= 2 || s.resolved >= 2) && !inflectedWord(form);
    case 'initials':
    case 'short':
      return s.initialsResolved >= 2 || s.initialsSeen >= 4;
    case 'handle':
      // A handle in a note written with handles, and seldom outside its labels (`egraphs:` is a topic).
      if (sense !== 'unknown') return sense === 'name';
      if (lowerCount(form) > count + 1) return false;
      return s.handlesResolved >= 1 || s.handlesSeen >= 4;
    case 'declared':
      return false;
  }
}

/**
 * Whether a bold name alone on its line that names no one on the roster is
 * still a person: only in a transcript of such turns (three or more), as a
 * label would be; a handle or a word that recurs as a turn and never in
 * lower case in the text (`**nflaig**`, `**Pop**`) is someone's name there.
 */
function boldSpeaker(form: string, kind: FormKind, s: LabelStats, lowerCount: (word: string) => number): boolean {
  if (s.bold < 3) return false;
  if (unresolvedSpeaker(form, kind, false, s, lowerCount)) return true;
  const count = s.count.get(form) ?? 0;
  if (kind === 'handle') return lowerCount(form) <= count;
  return kind === 'word' && count >= 2 && lowerCount(form.toLowerCase()) === 0 && !inflectedWord(form);
}

/** Words written right after a group's name (`the Lighthouse (CL) team`, `Geth client`): vocabulary's group words. */
const GROUP_AFTER = String.raw`(?:\s*\([^()\n]{1,30}\))?\s+(?:${GROUP_WORDS.after.join('|')})\b`;

/**
 * How often a lower-case word occurs in the note's text and code (not in
 * URLs, which carry handles and names): a project's or a thing's name is
 * written so, a person's rarely, and a handle seldom outside its labels.
 * A word written as a group's name in any case (`the Lighthouse team`,
 * `Geth clients`) counts too: no person is written so.
 * Counted on demand, for the few words that need it.
 */
function lowercaseCounter(note: Note): (word: string) => number {
  let text: string | undefined;
  const counts = new Map<string, number>();
  const wordChar = /[\p{L}\p{N}@]/u;
  // Note: the same as wordChar.test(t[i] ?? ' '), without the expression for ASCII (a short word is found inside many others).
  const isWordChar = (t: string, i: number): boolean => {
    const c = t.charCodeAt(i);
    if (Number.isNaN(c)) return false;
    if (c < 128) return (c >= 48 && c <= 57) || (c >= 64 && c <= 90) || (c >= 97 && c <= 122);
    return wordChar.test(t[i]!);
  };
  return (word) => {
    let n = counts.get(word);
    if (n === undefined) {
      text ??= note.lines.join('\n').replace(/\bhttps?:\/\/\S+/g, ' ');
      n = 0;
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
        if (!isWordChar(text, at - 1) && !isWordChar(text, at + word.length)) n += 1;
      }
      const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      n += (text.match(new RegExp(String.raw`(?<![\p{L}\p{N}@])${escaped}${GROUP_AFTER}`, 'giu')) ?? []).length;
      counts.set(word, n);
    }
    return n;
  };
}
