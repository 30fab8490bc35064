/**
 * Reads a plain-English question into an interpretation: which kind of
 * question (question-forms.ts), its topic or person, and the collection,
 * series and dates it names. Deterministic: the same text always reads the
 * same way; a text no row matches is reported as unread, with suggestions,
 * never guessed at.
 */
import nlp from 'compromise';
import { MONTHS, QUESTION_FORMS, TOPIC_FRAMING, type QuestionForm, type QuestionKind } from './question-forms.js';

export interface Interpretation {
  kind: QuestionKind;
  field: QuestionForm['field'];
  topic: string | null;
  person: string | null;
  collection: string | null;
  series: string | null;
  from: string | null;
  to: string | null;
  /** The question as read, in the canonical phrasing with its filters. */
  summary: string;
}

export type Reading = { understood: true; interpretation: Interpretation } | { understood: false; message: string; suggestions: string[] };

/**
 * A pattern with each `{verb rest}` written out as the verb's forms
 * (compromise conjugates it), each followed by the rest: compromise's own
 * `{verb}` root match does not work inside an alternation.
 */
function expand(pattern: string): string {
  return pattern.replace(/\{(\w+)((?: [\w-]+)*)\}/g, (_all, verb: string, rest: string) => {
    const forms = new Set<string>([
      verb,
      ...Object.values(nlp(verb).verbs().conjugate()[0] ?? {}).filter((f): f is string => typeof f === 'string' && !f.includes(' ')),
    ]);
    return [...forms].map((f) => `${f}${rest}`).join('|');
  });
}

/** Every form's patterns, expanded once. */
const COMPILED = QUESTION_FORMS.map((form) => ({ form, patterns: form.patterns.map((p) => `^${expand(p)}$`) }));

/** Openings that carry no meaning: "please", "can you tell me". */
const POLITE =
  /^(?:please[, ]+|(?:can|could|would) you (?:please )?(?:tell|show) me[, ]+|tell me[, ]+|show me[, ]+|do you know[, ]+|i (?:would|'d) like to know[, ]+|i wonder[, ]+)+/i;

type Range = [string, string];
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const MONTH = `(${MONTHS.join('|')}|${MONTHS.map((m) => m.slice(0, 3)).join('|')})`;
/** A date as written: 2026-03-04, 2026-03, March 4, 2026, March 2026, 2026. */
const DATE = `(\\d{4}-\\d{2}-\\d{2}|\\d{4}-\\d{2}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|${MONTH}\\s+\\d{4}|\\d{4})`;

/** The first and last day a written date stands for; null when it is no calendar date. */
export function dateRange(text: string): Range | null {
  const t = text
    .toLowerCase()
    .replace(/(\d)(st|nd|rd|th)/, '$1')
    .replace(',', '');
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!) ? [t, t] : null;
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m) return +m[2]! >= 1 && +m[2]! <= 12 ? [`${t}-01`, `${t}-${pad(lastDay(+m[1]!, +m[2]!))}`] : null;
  m = /^(\d{4})$/.exec(t);
  if (m) return [`${t}-01-01`, `${t}-12-31`];
  const words = t.split(/\s+/);
  const month = MONTHS.findIndex((n) => n === words[0] || n.slice(0, 3) === words[0]) + 1;
  if (!month) return null;
  const y = +words[words.length - 1]!;
  if (words.length === 3) return valid(y, month, +words[1]!) ? (Array(2).fill(`${y}-${pad(month)}-${pad(+words[1]!)}`) as Range) : null;
  return [`${y}-${pad(month)}-01`, `${y}-${pad(month)}-${pad(lastDay(y, month))}`];
}

function valid(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

interface Filters {
  collection: string | null;
  series: string | null;
  from: string | null;
  to: string | null;
}

/**
 * Filter phrases, each a regex over the question and what it sets. Note:
 * "after March" starts the day after March ends; "before" ends the day
 * before the date starts; "in", "during" cover the whole date.
 */
const FILTERS: { re: RegExp; apply(f: Filters, m: RegExpExecArray): boolean }[] = [
  { re: new RegExp(`\\bbetween\\s+${DATE}\\s+and\\s+${DATE}`, 'i'), apply: (f, m) => both(f, dateRange(m[1]!), dateRange(m[m.length - 3] ?? '')) },
  {
    re: new RegExp(`\\b(since|from|after|starting)\\s+${DATE}`, 'i'),
    apply: (f, m) => {
      const r = dateRange(m[2]!);
      if (!r) return false;
      f.from = m[1]!.toLowerCase() === 'after' ? shift(r[1], 1) : r[0];
      return true;
    },
  },
  {
    re: new RegExp(`\\b(before|until|till|through|up to|to)\\s+${DATE}`, 'i'),
    apply: (f, m) => {
      const r = dateRange(m[2]!);
      if (!r) return false;
      f.to = m[1]!.toLowerCase() === 'before' ? shift(r[0], -1) : r[1];
      return true;
    },
  },
  { re: new RegExp(`\\b(?:in|during|of)\\s+${DATE}`, 'i'), apply: (f, m) => both(f, dateRange(m[1]!), dateRange(m[1]!)) },
  { re: /\b(?:in|from|within)\s+(?:the\s+)?([\w.-]+)\s+collection\b/i, apply: (f, m) => ((f.collection = m[1]!), true) },
  { re: /\b(?:in|from)\s+collection\s+"?([\w.-]+)"?/i, apply: (f, m) => ((f.collection = m[1]!), true) },
  { re: /\b(?:in|at|during)\s+(?:the\s+)?([\w.-]+)\s+(?:meetings|meeting|series|calls|syncs)\b/i, apply: (f, m) => ((f.series = m[1]!.toLowerCase()), true) },
];

function both(f: Filters, a: Range | null, b: Range | null): boolean {
  if (!a || !b) return false;
  f.from = a[0];
  f.to = b[1];
  return true;
}

/** Takes the filter phrases out of the question; returns what is left and the filters. */
function takeFilters(text: string): { rest: string; filters: Filters } {
  const filters: Filters = { collection: null, series: null, from: null, to: null };
  let rest = text;
  for (const { re, apply } of FILTERS) {
    const m = re.exec(rest);
    if (m && apply(filters, m)) rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`;
  }
  return { rest: rest.replace(/\s+/g, ' ').trim(), filters };
}

/** Strips the framing words and quotes from a captured topic. */
function cleanSubject(text: string): string {
  let t = text
    .replace(/["“”‘’`]/g, '')
    .replace(/[\s,;:.!?]+$/, '')
    .trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const w of TOPIC_FRAMING.leading)
      if (t.toLowerCase().startsWith(`${w} `)) {
        t = t.slice(w.length + 1).trim();
        changed = true;
      }
    for (const w of TOPIC_FRAMING.trailing)
      if (t.toLowerCase().endsWith(` ${w}`)) {
        t = t.slice(0, -w.length - 1).trim();
        changed = true;
      }
  }
  return t;
}

/** Reads a question; see the module comment. */
export function readQuestion(question: string): Reading {
  const plain = question
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[?.!\s]+$/, '')
    .replace(POLITE, '');
  const { rest, filters } = takeFilters(plain);
  const doc = nlp(rest);
  doc.contractions().expand();
  for (const { form, patterns } of COMPILED) {
    for (const pattern of patterns) {
      const m = doc.match(pattern);
      if (!m.found) continue;
      const group = m.groups(form.subject) as { text(): string } | undefined;
      const captured = group?.text() ?? '';
      const subject = cleanSubject(form.subject === 'person' ? captured.replace(/['’]s$/i, '') : captured);
      if (!subject || !/[\p{L}\p{N}]/u.test(subject)) continue;
      return { understood: true, interpretation: interpretation(form, subject, filters) };
    }
  }
  return { understood: false, message: unreadMessage(question.replace(/\s+/g, ' ').trim()), suggestions: suggestions(plain) };
}

function interpretation(form: QuestionForm, subject: string, f: Filters): Interpretation {
  const where = [
    f.collection && `in the ${f.collection} collection`,
    f.series && `in the ${f.series} meetings`,
    f.from && `from ${f.from}`,
    f.to && `to ${f.to}`,
  ]
    .filter(Boolean)
    .join(' ');
  const summary = `${form.example.replace('X', `"${subject}"`)}${where ? ` ${where}` : ''}`;
  return {
    kind: form.kind,
    field: form.field,
    topic: form.subject === 'topic' ? subject : null,
    person: form.subject === 'person' ? subject : null,
    ...f,
    summary,
  };
}

function unreadMessage(question: string): string {
  return question
    ? `I could not read "${question}" as one of the questions I know, so I give no answer rather than guess. Try one of the suggestions.`
    : 'The question is empty. Try one of the suggestions.';
}

/** The question forms, with the question's own words (when it has few) as their subject. */
function suggestions(question: string): string[] {
  const words = cleanSubject(question.replace(/^(?:(?:who|what|which|when|how|why|where|is|are|did|do|does|about)\b\s*)+/i, ''));
  const subject = words && words.split(' ').length <= 5 ? words : 'WebAssembly GC';
  return QUESTION_FORMS.map((f) => f.example.replace('X', f.subject === 'person' ? 'Alex Crichton' : subject));
}
