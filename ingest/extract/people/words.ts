/**
 * What a single word says about being part of a name, from compromise's
 * lexicon (a table lookup, no tagging) and English word shapes: `Kevin` is a
 * first name, `Update` a common word, `Wasmtime` unknown.
 */
import { GROUP_WORDS } from '../../formats/vocabulary.js';
import { compromise } from '../../parse/nlp.js';
import { foldNameForm, NOT_A_NAME } from './names.js';

let lexicon: Record<string, string | string[]> | undefined;
/** compromise's lexicon, on first use. */
const lexiconOf = () => (lexicon ??= (compromise().model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon);
const PERSON_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'Person', 'LastName', 'Honorific']);

/** Endings of English nouns that handles and names do not have (`federation`, `deployment`). */
const NOUN_ENDING = /(?:tion|sion|ment|ness|ity|ance|ence|ism|ship)$/;

/**
 * What the general lexicon says of a single word: a person's name, a
 * common word (`update`, `open`, `will`), or unknown (`Flaki`, `Wasmtime`).
 */
export function wordSense(word: string): 'name' | 'word' | 'unknown' {
  // Note: the lexicon is a plain object; an own-key check keeps `constructor` or `__proto__` from reading Object.prototype.
  const table = lexiconOf();
  const key = word.toLowerCase();
  const tags = Object.hasOwn(table, key) ? table[key] : undefined;
  if (tags === undefined) return word.length >= 6 && NOUN_ENDING.test(word.toLowerCase()) ? 'word' : 'unknown';
  const list = Array.isArray(tags) ? tags : [tags];
  return list.some((t) => PERSON_TAGS.has(t)) ? 'name' : 'word';
}

/** A word of common speech rather than a name part: known to the lexicon, or with a common ending. */
export function commonWord(word: string): boolean {
  const w = word.replace(/[.'’]/g, '');
  if (w.length <= 3) return false;
  return wordSense(w) === 'word' || (w.length >= 6 && /(?:ing|tion|sion|ment|ness|ity|ies|ed)$/i.test(w));
}

/** A name ending in a group's head word (`Policy Subcommittee`, `Acme Labs`, `Steering Committee`). */
const GROUP_NAME = new RegExp(String.raw`\s(?:${GROUP_WORDS.heads.join('|').replace(/ /g, String.raw`\s+`)})$`, 'i');

/** Whether a name of several words is a group's (a committee, a company, a team), by its last word. */
export function groupName(form: string): boolean {
  return GROUP_NAME.test(form.trim().replace(/[.,]+$/, ''));
}

/**
 * A full name that is not a phrase of common words (`Open Questions`,
 * `Promoting Resources`) nor a group's (`Policy Subcommittee`): a known
 * first name before an uncommon last word, or no common word at all.
 */
export function plausibleName(form: string): boolean {
  if (groupName(form)) return false;
  const words = form.split(/\s+/);
  if (words.some((w) => NOT_A_NAME.has(foldNameForm(w)))) return false;
  if (wordSense(words[0]!.replace(/[.'’]/g, '')) === 'name') return !commonWord(words[words.length - 1]!);
  return !words.some(commonWord);
}

/**
 * For a capitalised word the lexicon does not know: whether its form is
 * that of an inflected word or a compound (`Summarized`, `Porting`,
 * `Priorities`, `Basics`, `RustWeek`) rather than a name.
 */
export function inflectedWord(word: string): boolean {
  if (/\p{Ll}\p{Lu}/u.test(word) && !/^(?:Mc|Mac|O')/.test(word)) return true;
  return word.length >= 6 && /(?:ed|ing|ies|ics|ized|ised|ally)$/i.test(word);
}

/**
 * Roles a note names its people by (`Moderator: Tim`, `Facilitator & Note
 * Taker: Jo`): whoever holds one took part in the meeting. Regex sources,
 * matched without case.
 */
export const ROLE_WORDS = [
  'moderator',
  'moderated by',
  'chair',
  'chairs',
  'chairperson',
  'co-chairs?',
  'chaired by',
  'facilitator',
  'facilitators',
  'facilitated by',
  'note[\\s-]?takers?',
  'notes? taken by',
  'minute[\\s-]?takers?',
  'scribes?',
  'time[\\s-]?keepers?',
];

/**
 * Labels of those who did not come (`Regrets:`, `Absent:`, `Not attending`):
 * a list under one is no attendance, and one ends a list of those who did.
 */
export const ABSENT_WORDS = [
  'absent',
  'absentees',
  'regrets',
  'apologies',
  'excused',
  'not present',
  'not attending',
  'not in attendance',
  'unable to attend',
  'unable to join',
  'could not attend',
  'missing',
];

/**
 * Verbs that attribute a statement to the name before them (`Till walked
 * members through…`, `@jdoe prefers…`, `Rod objected`): such a name spoke.
 */
export const ATTRIBUTION_VERBS = [
  'said',
  'says',
  'asked',
  'asks',
  'noted',
  'mentioned',
  'mentions',
  'explained',
  'explains',
  'described',
  'describes',
  'discussed',
  'discusses',
  'presented',
  'presents',
  'presenting',
  'gave',
  'gives',
  'talked',
  'talks',
  'walked',
  'walks',
  'articulated',
  'raised',
  'raises',
  'suggested',
  'suggests',
  'proposed',
  'proposes',
  'replied',
  'replies',
  'answered',
  'commented',
  'comments',
  'pointed out',
  'points out',
  'shared',
  'shares',
  'showed',
  'shows',
  'demoed',
  'demonstrated',
  'demonstrates',
  'reported',
  'reports',
  'summarized',
  'summarised',
  'summarizes',
  'recapped',
  'brought up',
  'brings up',
  'requested',
  'requests',
  'seconds',
  'seconded',
  'clarified',
  'clarifies',
  'responded',
  'responds',
  'expressed',
  'voiced',
  'introduced',
  'introduces',
  'provided',
  'highlighted',
  'highlights',
  'argued',
  'argues',
  'wondered',
  'wonders',
  'questioned',
  'emphasized',
  'emphasised',
  'stressed',
  'observed',
  'added',
  'adds',
  'agreed',
  'agrees',
  'disagreed',
  'objected',
  'indicated',
  'confirmed',
  'acknowledged',
  'recommended',
  'recommends',
  'offered',
  'spoke',
  'speaks',
  'opened',
  'kicked off',
  'went over',
  'goes over',
  'wanted to know',
  'thinks',
  'believes',
  'noticed',
  'reminded',
  'announced',
  'announces',
  'outlined',
  'cautioned',
  'warned',
  'objects',
  'led',
  'prefers',
  'preferred',
  'concurs',
  'concurred',
  'feels',
  'felt',
  'informed',
  'updated',
  'recorded',
  'joined',
  'volunteered',
  'opposes',
  'opposed',
  'likes',
  'liked',
];
