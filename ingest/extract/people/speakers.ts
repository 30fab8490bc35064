/**
 * Reads who speaks from a block's opening: a label and a colon (`AC:`,
 * `Alex:`, `Lin Clark:`, `pchickey:`, `Name (Org):`, `Alex, Nick:`), a
 * bracketed name (`[Divya] …`), a handle and a dash (`cfallin - …`), a
 * possessive label (`Stephen's Recap:`), a bare name over nested notes, a
 * bold name alone on its line (`**Tim**`, a transcript's turn), initials
 * leading an item (`JG will be late`), a presenter in brackets (`Demo
 * (Steve):`), and plain attributions (`Till walked members through…`,
 * `*JF Bastien presenting*`, `@jdoe prefers…`, `met with Ada`, votes). Only the syntax is read here; extract-people.ts decides,
 * with the meeting's roster, which candidates are people.
 */
import { labelForms, type CompiledVocabulary } from '../../formats/vocabulary.js';
import { CASELESS_NAME, foldNameForm, INITIALS, isHandle, isNameLike, memo, NOT_A_NAME, SHORT_AND_INITIAL } from './names.js';
import { ATTRIBUTION_VERBS } from './words.js';

export type LabelKind = 'colon' | 'bracket' | 'dash' | 'possessive' | 'bare' | 'bold' | 'led' | 'presenter';

/** A speaker label as written at the start of a block. */
export interface LabelCandidate {
  kind: LabelKind;
  /** The names in the label (`Alex, Nick:` gives two). */
  forms: string[];
  /**
   * What follows the label: nothing (its notes are nested under it), only a
   * number (`SF: 8`, a field, never a turn), only a link (`Unity: https://…`),
   * or text.
   */
  rest: 'empty' | 'number' | 'link' | 'text';
  /**
   * Names in brackets before the colon (`Library (Mateusz):`, `Demo of TCQ
   * (Steve):`): the speaker when the label itself names no one.
   */
  paren?: string[];
}

/** `rest`: what follows the label on its line; `more`: the block's later lines. */
const candidate = (kind: LabelKind, forms: string[], rest: string, more = ''): LabelCandidate => {
  const r = rest.trim() || more.trim();
  const shape = !r ? 'empty' : /^[\d\s.,%+:-]+$/.test(r) ? 'number' : /^<?https?:\/\/\S+>?$/.test(r) ? 'link' : 'text';
  return { kind, forms, rest: shape };
};

/** The shape of one written form. */
export type FormKind = 'initials' | 'short' | 'name' | 'word' | 'handle' | 'declared';

/**
 * Capitals that are initials only where a list says so (`Alex (A)`, `Preston
 * Sego (PS)`): one letter, or a template word (`PS`, `GC`, `CG`).
 */
const DECLARED_ONLY = /^\p{Lu}{1,4}\d?$/u;

const POSSESSIVE = /^([\p{Lu}][\p{L}'’-]+(?: [\p{Lu}][\p{L}'’-]+)?)['’]s\s+[\p{L} ]{1,30}:(?=\s|$)/u;
const SPLIT_FORMS = /\s*(?:,|&|\+|\/|\band\b)\s*/;
/** Labels that name their speaker in brackets: `Chat (Andrew B, Ralph):`, `Q (Jane):`. */
const CHAT = /^(?:(?:(?:zoom|meeting)\s+)?chat|q|a|question|answer|comment|reply|response)$/i;
/** A time stamp before a label, as transcripts write it: `[00:01:23] Jane Doe:`, `10:02 Jane:`. */
const STAMP = /^\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+/;
/** A time stamp between a label and its colon: `Tim Beiko [02:23](…): …` reads `Tim Beiko 02:23: …`. */
/** An agenda item that ends with its presenter in brackets and a colon, after an optional time. */
const TOPIC_PRESENTER = /^(?:\d{1,2}[:.]\d{2}(?:\s*[-–—]\s*\d{1,2}[:.]\d{2})?\s*[-–—]?\s*)?(\S.{1,110}?)\s*\(([^()]{2,60})\)\s*:$/u;
const STAMP_AFTER = /^([^:\d]{1,48}?)\s+[([]?\d{1,2}:\d{2}(?::\d{2})?[)\]]?(?=\s*:)/u;

/** The kind of a written form, or null when it cannot name a person. */
export const formKind = memo((form: string): FormKind | null => {
  const f = form.trim();
  if (DECLARED_ONLY.test(f) && (f.length === 1 || NOT_A_NAME.has(foldNameForm(f)))) return 'declared';
  if (!f || NOT_A_NAME.has(foldNameForm(f))) return null;
  if (INITIALS.test(f)) return 'initials';
  if (SHORT_AND_INITIAL.test(f)) return 'short';
  // `Alex's`, and contractions (`We've`, `I'm`, `They'd`) are no names.
  if (/['’](?:s|ve|re|ll|d|m|t)$/i.test(f)) return null;
  if (/\s/.test(f)) return isNameLike(f) ? 'name' : null;
  if (/^\p{Lu}/u.test(f) || CASELESS_NAME.test(f)) return isNameLike(f) ? 'word' : null;
  return isHandle(f) ? 'handle' : null;
});

const splitForms = (label: string): string[] | null => {
  const forms = label
    .replace(/^@/, '')
    .split(SPLIT_FORMS)
    .map((f) => f.trim().replace(/^@/, ''))
    .filter(Boolean);
  return forms.length && forms.every((f) => formKind(f) !== null) ? forms : null;
};

/** The speaker label opening a block's first line, if its syntax is one. */
export function labelCandidate(text: string, isItem: boolean, hasChildren: boolean, vocabulary: CompiledVocabulary): LabelCandidate | null {
  const { bracketRest: BRACKET, colonAside: COLON, dashSurname: DASH } = labelForms(vocabulary.tables.blockLabel);
  const body = text.trimStart();
  const nl = body.indexOf('\n');
  // A list marker the parser left in a paragraph's text (a list it read as lazy lines) is no part of the label.
  const t = (nl < 0 ? body : body.slice(0, nl))
    .trimEnd()
    .replace(/^[-*+]\s+/, '')
    .replace(STAMP, '')
    .replace(STAMP_AFTER, '$1');
  // What follows on later lines counts as the label's text.
  const more = nl >= 0 ? body.slice(nl) : '';
  // `16:50 - Demo of TCQ (Steve):` over the notes of that item.
  const topic = TOPIC_PRESENTER.exec(t);
  // `Neville (Dedaub):` is a person and an organisation, read as a label below.
  if (topic && !more.trim() && !splitForms(topic[1]!)) {
    const forms = splitForms(topic[2]!);
    return forms ? { ...candidate('presenter', [], ''), paren: forms } : null;
  }
  if (!/^[\p{L}@[]/u.test(t)) return null;
  // Every label form has a colon, a bracket or a dash early on, or is a short item over nested notes.
  const colonAt = t.indexOf(':');
  if (t[0] !== '[' && (colonAt < 0 || colonAt > 110) && !/ [-–—] /.test(t.slice(0, 50)) && !(isItem && t.length <= 40)) return null;
  const bracket = BRACKET.exec(t);
  if (bracket) {
    const forms = splitForms(bracket[1]!);
    return forms ? candidate('bracket', forms, bracket[2]!, more) : null;
  }
  const colon = COLON.exec(t);
  if (colon) {
    const label = colon[1]!.trim();
    const paren = colon[2]?.slice(1, -1).trim();
    if (paren && CHAT.test(label)) {
      const forms = splitForms(paren);
      return forms ? candidate('colon', forms, colon[3]!, more) : null;
    }
    const forms = splitForms(label);
    const named = paren ? splitForms(paren) : null;
    if (forms || named) return { ...candidate('colon', forms ?? [], colon[3]!, more), ...(named ? { paren: named } : {}) };
  }
  const possessive = POSSESSIVE.exec(t);
  if (possessive) return candidate('possessive', [possessive[1]!], 'x');
  const dash = DASH.exec(t);
  if (dash && formKind(dash[1]!)) return candidate('dash', [dash[1]!], dash[2]!);
  if (isItem) {
    if (hasChildren && !more.trim() && formKind(t.replace(/:$/, '')) && t.length <= 40) {
      return candidate('bare', [t.replace(/:$/, '')], '');
    }
  }
  return null;
}

/**
 * A transcript's turn opened by a bold name on its own line (`**Tim**`, then
 * the words in the next lines or paragraphs). `lead`: the bold run opening
 * the block.
 */
export function boldTurn(text: string, lead: string | undefined): LabelCandidate | null {
  const name = lead?.trim().replace(/\s*:$/, '');
  if (!name || name.length > 40) return null;
  const body = text.trim();
  const nl = body.indexOf('\n');
  const first = (nl < 0 ? body : body.slice(0, nl)).trim().replace(/\s*:$/, '');
  if (first !== name || !formKind(name)) return null;
  return candidate('bold', [name], '', nl < 0 ? '' : body.slice(nl));
}

/**
 * An item or line led by initials and its words without a colon (`- JG will
 * be late`, `AG we could do this later`): a turn only where the meeting's list
 * gives those initials, which the caller checks.
 */
export function initialsLed(text: string): LabelCandidate | null {
  const m = /^(\p{Lu}{1,4}\d?)\s+(\p{L}.*)$/u.exec(text.trimStart());
  if (!m) return null;
  const kind = formKind(m[1]!);
  return kind === 'initials' || kind === 'declared' ? candidate('led', [m[1]!], m[2]!) : null;
}

/** Adverbs between a name and its verb (`Barry officially recorded`). */
const ADVERB = String.raw`(?:[ \t]+\p{Ll}+ly)?`;
const NAME_RUN = String.raw`\p{Lu}[\p{L}'’-]*(?:[ \t]+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]*)){0,2}`;
/** `Till walked…`, `Calvin and Till discussed…`, `David, Bailey and Till recapped…`: the first name named is the speaker. */
const ATTRIBUTION = new RegExp(
  String.raw`(?<![\p{L}\p{N}@/.-])(${NAME_RUN})(?:,[ \t]+${NAME_RUN})*(?:,?[ \t]+(?:and|&)[ \t]+(${NAME_RUN}))?${ADVERB}[ \t]+(?:${ATTRIBUTION_VERBS.join('|').replace(/ /g, String.raw`[ \t]+`)})\b`,
  'gu',
);
const VERB_HINT = new RegExp(
  String.raw`\b(?:${[...new Set(ATTRIBUTION_VERBS.map((v) => v.split(' ')[0]))].join('|')}|presenters?:|with|from|\+1|-1|👍|👎)`,
  'i',
);
const PRESENTED_BY = new RegExp(String.raw`(?:\b(?:presented|led|given)[ \t]+by:?(?:\*\*|__)?:?|^presenters?:)[ \t]*(${NAME_RUN})`, 'gimu');
/** `@not-an-aardvark prefers…`, `@btmills concurs`: a handle and a verb (the handle must be on the roster). */
const HANDLE_ATTRIBUTION = new RegExp(
  String.raw`(?<![\p{L}\p{N}@/.-])@([\p{L}\p{N}][\p{L}\p{N}_-]{1,38})${ADVERB}[ \t]+(?:${ATTRIBUTION_VERBS.join('|').replace(/ /g, String.raw`[ \t]+`)})\b`,
  'gu',
);
/** `:+1: to noting it in the docs from @ilyavolodin, @btmills`: a vote, the first voter's (on the roster). */
const VOTE_FROM = /(?:^|\s)(?::\+1:|:-1:|👍|👎|\+1|-1)(?=\s)[^@\n]{0,120}?\bfrom[ \t]+@([\p{L}\p{N}][\p{L}\p{N}_-]{1,38})/gu;
/** `met with Carl Shapiro`, `a call with Ernest`, `an update from Ada`: someone the meeting heard from. */
const HEARD_FROM = new RegExp(
  String.raw`\b(?:[Mm]et|[Mm]eetings?|[Cc]all|[Cc]hat(?:ted|ting)?|[Ss]ync(?:ed)?|[Tt]alked|[Ss]poke|[Ss]ession)[ \t]+with[ \t]+(${NAME_RUN})|\b[Uu]pdates?[ \t]+from[ \t]+(${NAME_RUN})`,
  'gu',
);

/** A name attributed a statement: its candidate forms, longest first. */
export interface Attribution {
  forms: string[];
  /** Named after `met with`, `an update from`: mid-sentence, so its capital says it is a name. */
  guest: boolean;
}

/**
 * Names attributed a statement in a block's prose, in order. Each is given
 * as candidate forms, longest first: the capitalised run before the verb and
 * what is left when its leading words are dropped (`Then Andrew` → `Andrew`).
 */
export function attributions(text: string): Attribution[] {
  if (!VERB_HINT.test(text)) return [];
  const out: (Attribution & { at: number })[] = [];
  const push = (at: number, run: string | undefined, guest = false) => {
    if (!run) return;
    const words = run.trim().split(/\s+/);
    const forms: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const f = words.slice(i).join(' ');
      if (formKind(f)) forms.push(f);
    }
    if (forms.length) out.push({ at, forms, guest });
  };
  for (const m of text.matchAll(ATTRIBUTION)) {
    push(m.index, m[1]);
    push(m.index + 1, m[2]);
  }
  for (const m of text.matchAll(PRESENTED_BY)) push(m.index, m[1]);
  // A handle's attribution and a vote from someone both need an `@`.
  const at = text.includes('@');
  if (at) for (const m of text.matchAll(HANDLE_ATTRIBUTION)) if (isHandle(m[1]!)) out.push({ at: m.index, forms: [m[1]!], guest: false });
  for (const m of text.matchAll(HEARD_FROM)) push(m.index, m[1] ?? m[2], true);
  if (at) for (const m of text.matchAll(VOTE_FROM)) if (isHandle(m[1]!)) out.push({ at: m.index, forms: [m[1]!], guest: false });
  return out.sort((a, b) => a.at - b.at).map(({ forms, guest }) => ({ forms, guest }));
}
