/**
 * How people's names are written in meeting notes: folding for comparison,
 * telling a name from other text, and reading one attendee entry
 * (`Nick Fitzgerald (NF)`, `Alex Crichton (Fastly)`, `Brown, Andrew`,
 * `CF: Chris Fallin`, `@fitzgen`) into a name, initials and handles.
 */

/**
 * Remembers a pure function of a string for the strings seen most: the same
 * labels and names recur through a note and across a collection.
 */
export function memo<T>(compute: (s: string) => T, limit = 20_000): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined && !seen.has(s)) {
      v = compute(s);
      if (seen.size >= limit) seen.clear();
      seen.set(s, v);
    }
    return v as T;
  };
}

/**
 * Folds case, accents, dots and white space, for comparing forms of a name as
 * notes write them (`J. Doe` = `j doe`); other punctuation stays, so `O'Neil`
 * and `Ana-Maria` keep theirs. Not the identity key: schema/names.ts `foldName`
 * also turns every mark but `@ ' -` into a space, for the Person id.
 */
export const foldNameForm = memo((s: string): string =>
  (/^[\x00-\x7f]*$/.test(s) ? s : s.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .toLowerCase()
    .replace(/[.\s]+/g, ' ')
    .trim(),
);

/** Lower-case particles that may sit inside a name (`Wouter van Oortmerssen`). */
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'del', 'della', 'dos', 'du', 'la', 'le', 'bin', 'al', 'ten', 'ter', 'y']);

/**
 * Words that open or make up labels, headings and list entries but never name
 * a person: the vocabulary of meeting-note templates.
 */
export const NOT_A_NAME = new Set([
  'a',
  'about',
  'action',
  'actions',
  'action item',
  'action items',
  'add',
  'added',
  'after',
  'agenda',
  'agenda item',
  'agenda items',
  'ai',
  'aside',
  'alternative',
  'all',
  'also',
  'and',
  'announcement',
  'announcements',
  'answer',
  'answers',
  'anyone',
  'api',
  'approach',
  'attendance',
  'attendee',
  'attendees',
  'attending',
  'background',
  'before',
  'bonus',
  'break',
  'but',
  'call',
  'caveat',
  'cc',
  'cg',
  'chair',
  'chat',
  'ci',
  'cli',
  'closure',
  'comment',
  'comments',
  'con',
  'concern',
  'concerns',
  'conclusion',
  'cons',
  'consensus',
  'contact',
  // Who holds a part of the work (`Liaison: Ana`), as a field's label.
  'liaison',
  'champion',
  'shepherd',
  'sponsor',
  'assignee',
  'point of contact',
  'context',
  'current',
  'date',
  'day',
  'deadline',
  'decision',
  'decisions',
  'description',
  'details',
  'discussion',
  'doc',
  'docs',
  'done',
  'edit',
  'eg',
  'e g',
  'email',
  'everybody',
  'everyone',
  'example',
  'examples',
  'fact',
  'feedback',
  'folks',
  'follow up',
  'followup',
  'follow-up',
  'for',
  'from',
  'fyi',
  'gc',
  'goal',
  'goals',
  'group',
  'guest',
  'guests',
  'host',
  'how',
  'i',
  'idea',
  'ideas',
  'ie',
  'i e',
  'imo',
  'iirc',
  'important',
  'in',
  'info',
  'issue',
  'issues',
  'it',
  'js',
  'later',
  'lgtm',
  'link',
  'links',
  'location',
  'me',
  'meeting',
  'meetings',
  'minutes',
  'misc',
  'motivation',
  'n/a',
  'na',
  'name',
  'names',
  'nb',
  'next',
  'next steps',
  'no',
  'non-goals',
  'none',
  'note',
  'notes',
  'note taker',
  'notetaker',
  'now',
  'ok',
  'on',
  'option',
  'options',
  'or',
  'other',
  'others',
  'outcome',
  'owner',
  'part',
  'people',
  'phase',
  'plan',
  'poll',
  'polls',
  'pr',
  'prs',
  'present',
  'presenter',
  'presenters',
  'problem',
  'pro',
  'pros',
  'proposal',
  'ps',
  'purpose',
  'q',
  'question',
  'questions',
  're',
  'recap',
  'recording',
  'ref',
  'reference',
  'references',
  'reminder',
  'repo',
  'request',
  'requirement',
  'requirements',
  'resolution',
  'result',
  'results',
  'rfc',
  'scope',
  'scribe',
  'see',
  'sg',
  'side note',
  'slides',
  'so',
  'solution',
  'someone',
  'somebody',
  'source',
  'speaker',
  'speakers',
  'spec',
  'stage',
  'status',
  'step',
  'subject',
  'summary',
  'tbd',
  'team',
  'the',
  'then',
  'they',
  'time',
  'title',
  'tl;dr',
  'tldr',
  'to',
  'today',
  'todo',
  'tomorrow',
  'topic',
  'topics',
  'transcript',
  'tsc',
  'unknown',
  'update',
  'updates',
  'us',
  'use case',
  'use cases',
  'via',
  'video',
  'vote',
  'votes',
  'warning',
  'wasi',
  'wasm',
  'we',
  'wg',
  'what',
  'when',
  'where',
  'who',
  'why',
  'yes',
  'yesterday',
  'you',
  'zoom',
  'is',
  'as',
  'at',
  'be',
  'by',
  'do',
  'go',
  'if',
  'of',
  'up',
  'hi',
  'ok',
  'affiliation',
  'organization',
  'organisation',
  'company',
  'employer',
  'role',
  'github',
  'handle',
  'xx',
  'xxx',
  'yy',
  'zz',
  'nn',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'he',
  'she',
  'his',
  'her',
  'their',
  'nobody',
  'both',
  'each',
  'many',
  'several',
  'some',
  'most',
  'this',
  'that',
  'these',
  'those',
  'which',
  'there',
  'here',
  'members',
  'participants',
  'one',
  'another',
  'secretary',
  'moderator',
  'facilitator',
  'takeaway',
  'takeaways',
  'highlights',
  'lowlights',
  'blockers',
  'wins',
  'kudos',
  'shoutouts',
  'news',
  'misc.',
  'qs',
  'ans',
  'qa',
  'q&a',
  'administrivia',
  'logistics',
  'timeline',
  'wifi',
  'wi-fi',
  'demo',
  'demos',
  'venue',
  'address',
  'schedule',
  'remote',
  'dial-in',
  'phone',
  'passcode',
  'password',
  'travel',
  'hotel',
  'dinner',
  'lunch',
  'breakfast',
  'parking',
  'registration',
  'guidelines',
  'guideline',
  'rules',
  'wip',
  'tbc',
  'hq',
  'headquarters',
  'office',
  'offices',
  'shoutout',
  'shoutouts',
  'shout-outs',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);

/** Calendar words, which are also given names (`April`, `June`): not template words inside a full name. */
const CALENDAR =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** One capitalised name word: `Alex`, `McCabe`, `O'Brien`, `Tamayo-Rios`, `JF`, `Saúl`. */
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’]*(?:-\p{Lu}[\p{L}\p{M}'’]*)*\.?$/u;
/** A name in a script without capitals (`张宇平`): one to eight letters, no spaces. */
export const CASELESS_NAME = /^[\p{Lo}\p{M}·・]{1,8}$/u;
/** An initial inside a name: `L`, `L.`, `S.` */
const INITIAL_WORD = /^\p{Lu}\.?$/u;
/** A GitHub-style handle: `fitzgen`, `bjorn3`, `afonso360`, `dmitris_aspetakis`. */
const HANDLE = /^@?[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*$/;
/** Initials as a speaker label: `NF`, `SBC`, `DG2`. */
export const INITIALS = /^\p{Lu}{2,4}\d?$/u;
/** First-name letters and a last initial: `DaG`, `MarkM`. */
export const SHORT_AND_INITIAL = /^(\p{Lu}\p{Ll}{1,11})(\p{Lu})$/u;

/** True for a GitHub-style handle (lower case, digits, `-`, `_`). */
export const isHandle = (s: string): boolean => HANDLE.test(s) && s.replace(/^@/, '').length >= 2;

/**
 * True when text reads as one person's name: one to five capitalised words
 * (particles and initials allowed), or a single handle.
 */
export function isNameLike(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 60) return false;
  if (NOT_A_NAME.has(foldNameForm(t))) return false;
  const words = t.split(/\s+/);
  if (words.some((w) => /['’]s$/.test(w))) return false;
  if (words.length === 1) {
    if (CASELESS_NAME.test(t)) return true;
    return NAME_WORD.test(t) ? t.replace(/[^\p{L}]/gu, '').length >= 2 : isHandle(t) && t.length >= 3;
  }
  if (words.length > 5) return false;
  if (!NAME_WORD.test(words[0]!)) return false;
  let capitals = 0;
  for (const w of words) {
    const f = foldNameForm(w);
    if (f.length > 2 && NOT_A_NAME.has(f) && !CALENDAR.test(f)) return false;
    if (/^\p{Lu}{2,}s$/u.test(w)) return false;
    if (NAME_WORD.test(w) || INITIAL_WORD.test(w)) capitals += 1;
    else if (!PARTICLES.has(w.toLowerCase()) && !/^(jr|sr)\.?$/i.test(w)) return false;
  }
  return capitals >= 2 || words.length === 1;
}

/** The words of a name, without initials or suffixes: `Johnnie L. Birch Jr` → `johnnie`, `birch`. */
export function nameCore(name: string): { first: string; last: string; words: string[] } | null {
  const words = foldNameForm(name)
    .split(' ')
    .filter((w) => w && !/^(jr|sr|ii|iii|iv)$/.test(w));
  const full = words.filter((w) => w.length > 1);
  if (full.length < 2) return null;
  return { first: full[0]!, last: full[full.length - 1]!, words };
}

/** What one attendee entry gives. */
export interface NameEntry {
  name: string;
  /** A nickname the entry quotes (`Nick “fitzgen” Fitzgerald`). */
  aliases: string[];
  initials: string[];
  handles: string[];
  /** A capitalised name in brackets after a handle (`@Admin-DataRoads (Jared)`): maybe the person's name, maybe an organisation. */
  bracketed?: string;
}

const INVERTED_LAST = /^\p{Lu}[\p{L}'’-]+(?: (?:Jr|Sr|II|III|IV)\.?)?$/u;
const INVERTED_FIRST = /^\p{Lu}[\p{L}'’-]+(?: \p{Lu}\.?)?$/u;
const EMAIL = /<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?/g;
const PARENS = /\s*[([]([^()[\]]*)[)\]]/g;

/**
 * Reads one attendee entry into a name, initials and handles, dropping
 * organisations, roles, e-mail addresses and notes. Null when the entry is
 * not a person (`TODO`, `_Add your name here_`, a sentence).
 */
export function parseNameEntry(raw: string): NameEntry | null {
  if (/:\s*$/.test(raw)) return null;
  // Leading check marks and emoji (`✅ Ada Lovelace`) go with the list marker.
  const aliases: string[] = [];
  let s = raw
    .replace(/^\s*(?:[-*+•]\s+|\d{1,3}[.)]\s+)?(?:\[[ xX]\]\s+)?/, '')
    .replace(/^[^\p{L}\p{N}@[(“"]+/u, '')
    .replace(/[*`\\]|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '')
    .replace(EMAIL, '')
    .replace(/\s*[“"]([^”"]{1,30})[”"]/g, (_, nick: string) => {
      aliases.push(nick.trim());
      return '';
    })
    .replace(/\s+/g, ' ')
    .trim();
  const initials: string[] = [];
  const handles: string[] = [];
  // Titles are not part of the name.
  s = s.replace(/^(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.?\s+(?=\p{Lu})/u, '');
  // `CF: Chris Fallin`, `B3: bjorn3`
  const prefixed = /^([\p{Lu}\p{N}][\p{L}\p{N}]{0,3})\s*[:=]\s+(.+)$/u.exec(s);
  if (
    prefixed &&
    isNameLike(
      prefixed[2]!
        .replace(PARENS, '')
        .split(/\s[-–—]\s|,/)[0]!
        .trim(),
    )
  ) {
    initials.push(prefixed[1]!);
    s = prefixed[2]!;
  }
  // Bracketed initials, handles, organisations, roles.
  /** A capitalised name in brackets (`(Jared)`), which names the person behind a handle. */
  const named: string[] = [];
  s = s
    .replace(PARENS, (_, inner: string) => {
      const parts = inner
        .split(/[,/;]/)
        .map((p) => p.trim())
        .filter(Boolean);
      const first = parts[0] ?? '';
      if (parts.length === 1 && /^\p{Lu}\p{Ll}/u.test(first) && isNameLike(first)) named.push(first);
      if (parts.length === 1 && (INITIALS.test(first) || /^\p{Lu}$/u.test(first))) initials.push(first);
      else if (/^@/.test(first) || (isHandle(first) && !NOT_A_NAME.has(first))) handles.push(first.replace(/^@/, ''));
      return ' ';
    })
    .replace(/\s+/g, ' ')
    .trim();
  // `Name - Org`, `Name — role`, `Name @ Org`, `Name | Org`, `Name - @handle`
  const [head, ...tail] = s.split(/\s+[-–—|]\s+|\s@\s/);
  for (const t of tail) if (/^@[\w-]+$/.test(t.trim())) handles.push(t.trim().slice(1));
  s = head!.trim();
  // `Name @handle`
  s = s
    .replace(/\s@([\w-]+)$/, (_, h: string) => {
      handles.push(h);
      return '';
    })
    .trim();
  // `Brown, Andrew`, `Birch Jr, Johnnie L` (last name first) or `Name, Org, note…`
  const commas = s.split(/\s*,\s*/).filter(Boolean);
  if (
    commas.length === 2 &&
    INVERTED_LAST.test(commas[0]!) &&
    INVERTED_FIRST.test(commas[1]!) &&
    !commas.some((c) => NOT_A_NAME.has(foldNameForm(c.split(' ')[0]!)) || /^\p{Lu}{3,}$/u.test(c))
  ) {
    s = `${commas[1]} ${commas[0]}`;
  } else if (commas.length > 1) {
    s = commas[0]!;
  }
  s = s.replace(/[.,;:]+$/, '').trim();
  if (s.startsWith('@')) {
    s = s.slice(1);
    // `@Mr0grog`: a handle as written, capitals and digits kept.
    if (isHandle(s) || /^[\p{L}\p{N}][\p{L}\p{N}_-]{1,38}$/u.test(s)) handles.push(s);
    if (handles.includes(s) && !isNameLike(s))
      return { name: s, aliases, initials, handles: [...new Set(handles)], ...(named.length === 1 ? { bracketed: named[0] } : {}) };
  }
  if (!isNameLike(s)) return null;
  if (/^[a-z]/.test(s) && !handles.includes(s)) handles.push(s);
  const bracketed = handles.includes(s) && named.length === 1 ? { bracketed: named[0] } : {};
  return { name: s, aliases, initials: [...new Set(initials)], handles: [...new Set(handles)], ...bracketed };
}

/**
 * Initials a name may be written as, most specific first: every word
 * (`Johnnie L Birch` → `JLB`), first and last (`JB`), the first two words
 * of a longer name (`Zhi An Ng` → `ZA`), and with hyphenated parts split
 * (`Hung-Ying Tai` → `HYT`).
 */
export function derivedInitials(name: string): string[] {
  const words = name
    .replace(/[.,]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !/^(jr|sr|ii|iii|iv)$/i.test(w));
  if (words.length < 2) return [];
  const first = (w: string) => w.normalize('NFKD')[0]!.toUpperCase();
  const out = new Set<string>();
  const capital = words.filter((w) => !PARTICLES.has(w));
  out.add(capital.map(first).join(''));
  out.add(first(capital[0]!) + first(capital[capital.length - 1]!));
  if (capital.length >= 3) out.add(capital.slice(0, 2).map(first).join(''));
  const split = capital.flatMap((w) => w.split('-').filter(Boolean));
  if (split.length !== capital.length) {
    out.add(split.map(first).join(''));
    out.add(first(split[0]!) + first(split[split.length - 1]!));
  }
  return [...out].filter((i) => i.length >= 2);
}

/**
 * Whether two spellings of a name part are one slip apart (`Folzer` /
 * `Foltzer`, `Kieth` / `Keith`): edit distance with transpositions, at most
 * 1, or 2 for long words; the first letter must agree.
 */
export function closeSpelling(one: string, other: string, shortest = 4): boolean {
  if (one === other) return true;
  const limit = Math.min(one.length, other.length) >= 7 ? 2 : 1;
  if (Math.min(one.length, other.length) < shortest || Math.abs(one.length - other.length) > limit || one[0] !== other[0]) return false;
  let before: number[] = [];
  let prev = Array.from({ length: other.length + 1 }, (_, j) => j);
  for (let i = 1; i <= one.length; i++) {
    const cur = [i];
    for (let j = 1; j <= other.length; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (one[i - 1] === other[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && one[i - 1] === other[j - 2] && one[i - 2] === other[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      cur.push(v);
    }
    if (Math.min(...cur) > limit) return false;
    before = prev;
    prev = cur;
  }
  return prev[other.length]! <= limit;
}

/**
 * True when a handle is built from a name the usual ways: `pchickey`,
 * `acrichton`, `acrichto`, `alexcrichton`, `jlbirch`, `tschneidereit`, or the
 * last name alone (`okafor`).
 */
export function handleFits(handle: string, candidate: { first: string; last: string }): boolean {
  const h = handle.toLowerCase().replace(/[^a-z]/g, '');
  const first = candidate.first.replace(/[^a-z]/g, '');
  const last = candidate.last.replace(/[^a-z]/g, '');
  if (h === last && last.length >= 5) return true;
  if (!first || last.length < 3 || h[0] !== first[0]) return false;
  const at = h.indexOf(last.slice(0, Math.max(4, last.length - 2)));
  if (at < 1) return h === first + last[0];
  const head = h.slice(0, at);
  return first.startsWith(head) || (head.length <= 3 && head[0] === first[0]);
}
