/**
 * Resolves who owns an action item from the form a note names them by:
 * a person of the meeting (`Alex`, `AC`, `@fitzgen`), several people
 * (`Karen & Divya`, `Chris / Stephen`), or a group (`the TSC`, `chairs`,
 * `everyone`).
 */
import { perContext, type ExtractContext } from '../context.js';
import { resolvePersonName } from '../people.js';
import { compromise } from '../../parse/nlp.js';

export interface Owner {
  owner: number | null;
  /** Every person a task is given to ("Rosa & Wen: …"), `owner` first; set when there are several. */
  owners?: number[];
  ownerGroup?: string;
  /** Whether the form names people of the meeting or a group (not merely looks like a name). */
  known: boolean;
}

/** Group owners: bodies and roles, not persons. */
const GROUP_WORDS =
  /^(?:(?:whole|entire)\s+)?(?:tsc|cg|wg|sg|sig|subgroup|sub-group|group|team|committee|council|steering\s+council|board|chairs?|co-chairs?|champions?|editors?|maintainers|reviewers|organi[sz]ers|everyone|everybody|all|attendees|participants|members)$/i;
/** Named groups: "Wasmtime maintainers", "the WAMR team", "TSC". */
const GROUP_NAMED =
  /^(?:(?:[\p{Lu}][\p{L}-]*\s+){1,3}(?:team|group|subgroup|committee|[Cc]ouncil|SIG|WG|CG|maintainers|chairs|folks|board|members)|\p{Lu}{2,6}(?:\s+(?:team|group|chairs|members))?)$/u;

/**
 * An owner the people stage does not know ("Victor to update the docs" in a
 * summary that lists no attendees): added to the meeting's people as
 * written, so the item keeps its owner. Only one person's name, not
 * initials, which stay ambiguous. Note: this appends to ctx.people.people, the
 * actions stage's own copy (extractActionItems); indices taken before stay valid.
 */
export function adoptOwner(ctx: ExtractContext, form: string, owner: Owner): Owner {
  if (owner.known) return owner;
  const f = form
    .replace(/[[\]()*_`]/g, '')
    .replace(/[.:,;]+$/, '')
    .trim();
  const parts = splitOwners(f);
  if (parts.length > 1) {
    // "Rosa and Priya": each known one by index, each unknown one added as written when it reads as a name.
    const each = parts.map((p) => resolveOne(ctx, p) ?? (looksLikeName(p) && !/^\p{Lu}{1,4}$/u.test(p) ? adopt(ctx, p) : null));
    if (each.every((p) => p !== null)) return several(ctx, each as number[]);
    return owner.ownerGroup ? { ...owner, known: true } : owner;
  }
  if (owner.ownerGroup) return { ...owner, known: true };
  const handle = /^@/.test(f);
  const name = f.replace(/^@/, '');
  if (/[&/,+]|\band\b/.test(name) || /^\p{Lu}{1,4}$/u.test(name) || !looksLikeName(name)) return owner;
  return { owner: adopt(ctx, name, handle), known: true };
}

/** A person added to the meeting's people as written, or the one the name already resolves to. */
function adopt(ctx: ExtractContext, name: string, handle = false): number {
  const n = name.replace(/^@/, '');
  const known = resolvePersonName(ctx.people, n);
  if (known !== null) return known;
  ctx.people.people.push({ name: n, aliases: [], handles: handle || /^@/.test(name) ? [n] : [] });
  return ctx.people.people.length - 1;
}

/** The forms a several-owner form joins: "Rosa & Wen", "GW + TT + JG", "Rosa, Omar and Wen". */
function splitOwners(form: string): string[] {
  return form.split(/\s*(?:&|\/|,|\+|\band\b)\s*/).filter(Boolean);
}

/** Several people as one owner: the first is `owner`, all are `owners`; one person named twice is one owner. */
function several(ctx: ExtractContext, people: number[]): Owner {
  const seen = new Set<string>();
  const owners = people.filter((p) => {
    const key = ctx.people.people[p]!.name;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return owners.length === 1 ? { owner: owners[0]!, known: true } : { owner: owners[0]!, owners, known: true };
}

const tagCache = new Map<string, string[]>();

/** compromise's part-of-speech tags of one word, remembered. */
function tagsOf(word: string): string[] {
  let tags = tagCache.get(word);
  if (!tags) {
    tags = (compromise()(word).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0]?.tags ?? [];
    if (tagCache.size > 5000) tagCache.clear();
    tagCache.set(word, tags);
  }
  return tags;
}

/** Words that open a sentence but name no one. */
const NOT_AN_OWNER =
  /^(?:we|i|you|it|this|that|these|those|there|they|he|she|who|what|which|someone|somebody|anyone|anybody|nobody|people|folks|next|then|also|and|so|but|or|if|when|once|after|before|maybe|perhaps|probably|currently|now|today|tomorrow|later|soon|ideally|eventually|finally|otherwise|overall|action|todo|note|notes|update|updates|discussion|summary|agenda|poll|vote|decision|consensus|question|answer|topic|issue|pr|rfc|proposal|plan|goal|idea|step|steps|work|time|meeting|the|a|an|one|some|any|each|every|all|both|more|most|other|others|none|yes|no|ok|okay|sure|thanks|thank)$/i;

/** The owner a form names, or null when it names no one this meeting knows and no group. */
export function resolveOwner(ctx: ExtractContext, form: string): Owner | null {
  return owners(ctx, form);
}

const owners = perContext((ctx, form: string) => readOwner(ctx, form));

function readOwner(ctx: ExtractContext, form: string): Owner | null {
  const f = form
    .replace(/[[\]()*_`]/g, '')
    .replace(/^@/, '')
    .replace(/[.:,;]+$/, '')
    .trim();
  if (!f || f.length > 60) return null;
  const one = resolveOne(ctx, f);
  if (one !== null) return { owner: one, known: true };
  const parts = splitOwners(f);
  if (parts.length > 1) {
    const each = parts.map((p) => resolveOne(ctx, p));
    if (each.every((p) => p !== null)) return several(ctx, each as number[]);
    // "David and Danny": several people, some unknown here; the group as written, the known ones by full name.
    if (parts.length <= 4 && parts.every((p, i) => each[i] !== null || nameShaped(p))) {
      return { owner: null, ownerGroup: parts.map((p, i) => (each[i] !== null ? ctx.people.people[each[i]!]!.name : p)).join(' & '), known: false };
    }
  }
  const the = /^the\s/i.test(f);
  const g = f.replace(/^the\s+/i, '');
  if (GROUP_WORDS.test(g) || (GROUP_NAMED.test(g) && (the || !/^\p{Lu}{2,3}$/u.test(g)))) return { owner: null, ownerGroup: g, known: true };
  if (nameShaped(f)) return { owner: null, known: false };
  return null;
}

function resolveOne(ctx: ExtractContext, form: string): number | null {
  const f = form.trim().replace(/^@/, '');
  if (!f || NOT_AN_OWNER.test(f)) return null;
  return resolvePersonName(ctx.people, f) ?? resolvePersonName(ctx.people, `@${f}`);
}

/**
 * A name, initials or handle as notes write them: `Till`, `Lin Clark`, `BS`,
 * `fitzgen`, `Karen & Divya`. A word that is an English verb, adjective or
 * function word ("Consider:", "Need to …") is not; compromise tells, on
 * this one word only.
 */
export function looksLikeName(form: string): boolean {
  if (!nameShaped(form)) return false;
  return form
    .split(/\s*(?:&|\/|,|\+|\band\b)\s*/)
    .filter(Boolean)
    .every((p) => {
      if (/\s/.test(p) || /^\p{Lu}{2,4}$/u.test(p) || /^@|\d|_/.test(p)) return true;
      const tags = tagsOf(p);
      if (tags.includes('Person') || tags.includes('FirstName')) return true;
      return !tags.some((t) =>
        /^(?:Verb|Adjective|Adverb|Preposition|Determiner|Pronoun|Conjunction|Plural|Value|Date|QuestionWord|Expression|Infinitive)$/.test(t),
      );
    });
}

/** The shape of a name, initials or handle, without asking what the word means. */
function nameShaped(form: string): boolean {
  const parts = form.split(/\s*(?:&|\/|,|\+|\band\b)\s*/).filter(Boolean);
  return (
    parts.length > 0 &&
    parts.length <= 4 &&
    parts.every((p) => {
      const words = p.split(/\s+/);
      if (words.length > 3 || NOT_AN_OWNER.test(words[0]!)) return false;
      return words.every((w) => /^(?:[\p{Lu}][\p{L}\p{M}'’.-]*|@?[\p{Ll}][\p{Ll}\d_-]{2,}\d*)$/u.test(w));
    })
  );
}
