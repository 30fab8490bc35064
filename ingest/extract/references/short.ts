/**
 * Issue and pull-request numbers written without a URL: `owner/repo#N`,
 * `repo#N`, `PR 391`, `PR #12`, `issue 68`, `RFC 15`, a bare `#1234`, with
 * the words around them that may name the repository ("wasi PR 240",
 * "Interface Types issue 68", "PR #649 in spec repo",
 * "Issue #4209 · owner/repo"). Numbers that only count things ("Topic #1",
 * "proposal #2", "the #1 use case") are left out.
 */
import type { ReferenceKind } from '../../types.js';

export interface ShortRef {
  /** Offset and length of the match in the text searched. */
  index: number;
  length: number;
  number: number;
  /** From the keyword (`PR` → pull request); undefined for a bare `#N`. */
  kind?: ReferenceKind;
  /** Written with the number (`owner/repo#N`, `repo#N`, `· owner/repo`). */
  owner?: string;
  repo?: string;
  /** Words next to the number that name a repository, as written ("wasi", "Interface Types", "spec"). */
  named?: string[];
  /** The word right before the number is capitalised mid-sentence: the words name a project. */
  proper?: boolean;
  /** Every word is capitalised ("Interface Types"): a project's name in title case. */
  titleCase?: boolean;
  /** The words are followed by "repo", "repository" or "tracker": they name a repository outright. */
  repoWord?: boolean;
}

const SHORT = new RegExp(
  [
    // 1-2: owner/repo#N
    String.raw`(?<![\w./@#-])([A-Za-z0-9][\w.-]*)\/([A-Za-z0-9_.-]*[A-Za-z0-9_])#(\d+)(?!\w)`,
    // 4-5: keyword N: PR 391, PR#10, pull request #12, issue 68, RFC 15, pre-RFC (#13), issue (12489),
    // discussion #7, "next issue to triage: 617" (a number alone after a colon that ends the line)
    String.raw`\b(pull[ -]requests?|PRs?|issues?|RFCs?|discussions?(?=\s*#))(?:\s*#\s?|\s+(?:no\.?\s*|number\s+)?|\s*\(\s*#?(?=\d+\s*\))|[^\n.:;#()]{1,24}:\s*(?=\d+\s*(?:\n|$)))(\d+)(?![\w.]\w)`,
    // 6-7: repo#N
    String.raw`(?<![\w./@#-])([A-Za-z][\w.-]*[A-Za-z0-9])#(\d+)(?!\w)`,
    // 8: #N
    String.raw`(?<![\w&/#-])#(\d+)(?![\w]|[:.]\d)`,
  ].join('|'),
  'gi',
);

/** A cheap test for text that may hold a short reference at all. */
const MAY_HOLD = /#\d|\b(?:prs?|pull|issues?|rfcs?|discussions?)\b/i;
/** Words before `#N` that make it a count, not an issue: "Topic #1", "proposal #2". */
const COUNTED =
  /^(?:topic|topics|item|items|point|points|option|options|proposal|proposals|strategy|strategies|approach|alternative|slide|slides|step|steps|part|phase|stage|question|questions|version|day|week|session|round|priority|nitpick|idea|example|case|choice|goal|concern|comment|solution|variant|number|no|rank|ranked|place|agenda|action|note|item\.|requirement|requirements|attempt|iteration|meeting|call|poll|vote|against|for|sprint|milestone|level|tier|step\.?|colou?rs?|hex|rgb)$/i;
/** Words that open a phrase and never name a repository. */
const FUNCTION_WORD =
  /^(?:i|we|you|they|he|she|it|someone|a|an|the|this|that|these|those|my|our|your|their|his|her|its|see|also|and|or|but|so|re|per|via|from|to|for|with|in|on|at|of|by|about|after|before|new|old|open|opened|merged|draft|related|previous|next|last|first|second|another|other|big|small|recent|latest|current|one|two|some|any|each|every|same|existing|pending|upstream|original|relevant|linked|filed|tracking|followup|follow-up|separate|corresponding|good|bad|great|main|specific|initial|final|big|nice|quick|simple|small|large|meta|umbrella|github|gh)$/i;
const KEYWORD_WORD = /^(?:pull|requests?|prs?|issues?|rfcs?|discussions?|bugs?|tickets?)$/i;
/** After the number: "in spec repo", "on the simd tracker", "· owner/repo". */
const AFTER_REPO = /^\s+(?:in|on|of|at|from)\s+(?:the\s+)?([\w.-]+(?:\s+[\w.-]+)?)\s+(?:repo|repository|tracker)\b/i;
const AFTER_PAGE_TITLE = /^\s*·\s*([\w.-]+)\/([\w.-]*[\w])/;
const NAME_TOKEN = /^(?:[\p{L}][\p{L}\p{N}_.+-]*|[\p{L}\p{N}_-]+-[\p{L}\p{N}_-]+)$/u;

const keywordKind = (word: string): ReferenceKind => {
  const w = word.toLowerCase();
  if (w.startsWith('pull') || w.startsWith('pr')) return 'PULL_REQUEST';
  if (w.startsWith('rfc')) return 'RFC';
  if (w.startsWith('discussion')) return 'DISCUSSION';
  return 'ISSUE';
};

/**
 * The issue and pull-request numbers written in a piece of text (with URLs
 * already blanked out), in order.
 */
export function findShortRefs(text: string): ShortRef[] {
  const out: ShortRef[] = [];
  if (!MAY_HOLD.test(text)) return out;
  SHORT.lastIndex = 0;
  for (const m of text.matchAll(SHORT)) {
    const index = m.index;
    const length = m[0].length;
    if (m[3] !== undefined) {
      out.push({ index, length, number: Number(m[3]), owner: m[1]!.toLowerCase(), repo: m[2]!.toLowerCase() });
      continue;
    }
    const after = text.slice(index + length, index + length + 80);
    if (m[5] !== undefined) {
      if (/s$/i.test(m[4]!) && m[0].includes('(')) continue; // "issues (3)": a count.
      const ref: ShortRef = { index, length, number: Number(m[5]), kind: keywordKind(m[4]!) };
      describeRepo(ref, text.slice(Math.max(0, index - 60), index), after);
      out.push(ref);
      continue;
    }
    if (m[7] !== undefined) {
      if (KEYWORD_WORD.test(m[6]!) || COUNTED.test(m[6]!)) continue;
      out.push({ index, length, number: Number(m[7]), repo: m[6]!.toLowerCase() });
      continue;
    }
    const number = Number(m[8]);
    const before = text.slice(Math.max(0, index - 60), index);
    const prev = /([\p{L}.]+)\s*$/u.exec(before)?.[1];
    if (prev && COUNTED.test(prev)) continue;
    if (number < 10) continue; // "#1 use case", "Topic #2", list numbering: counts, not issues.
    const ref: ShortRef = { index, length, number };
    describeRepo(ref, before, after);
    out.push(ref);
  }
  return out;
}

/** Reads the words around a number for the repository they name. */
function describeRepo(ref: ShortRef, before: string, after: string): void {
  const page = AFTER_PAGE_TITLE.exec(after);
  if (page) {
    ref.owner = page[1]!.toLowerCase();
    ref.repo = page[2]!.toLowerCase();
    return;
  }
  const tail = AFTER_REPO.exec(after);
  if (tail) {
    const words = tail[1]!.split(/\s+/).filter((w) => !FUNCTION_WORD.test(w));
    if (words.length) {
      ref.named = words;
      ref.repoWord = true;
    }
    return;
  }
  // Up to three name-like words right before the number, stopping at punctuation.
  const tokens = before.split(/(\s+)/);
  const words: string[] = [];
  let initial = true;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (!t) continue;
    if (/^\s+$/.test(t)) {
      if (t.includes('\n')) break;
      continue;
    }
    if (words.length === 3 || !NAME_TOKEN.test(t) || KEYWORD_WORD.test(t)) {
      // A word after a sentence's end or a list marker opens the sentence.
      initial = /[.:;!?*•]$|^[-+]$|^\d+[.)]$/.test(t);
      break;
    }
    words.unshift(t);
  }
  while (words.length && FUNCTION_WORD.test(words[0]!)) {
    words.shift();
    initial = false;
  }
  if (!words.length || words.some((w) => FUNCTION_WORD.test(w))) return;
  ref.named = words;
  // A capitalised word right before the number names a project ("Firefox issue 12"), unless it is
  // capitalised for opening the sentence ("Landed #12").
  ref.proper = /^\p{Lu}/u.test(words[words.length - 1]!) && !(initial && words.length === 1);
  ref.titleCase = ref.proper && words.every((w) => /^\p{Lu}/u.test(w));
}
