/**
 * Topic names from headings, head items and agenda lines: the words a person
 * would search for, without the markup, numbering, speaker labels, links,
 * handles, presenters, durations and the words that say what kind of thing
 * it is ("RFC", "PR", "proposal", "poll"). Null where nothing that names a
 * subject is left ("Notes", "Attendees", "Updates").
 */
import { terms } from '../../../schema/terms.js';

/** Headings that name a part of a meeting, not a subject. */
const GENERIC_HEADING =
  /^(?:(?:meeting\s+)?notes?|minutes|discussions?|agenda(?:\s+items?)?(?:\s+for\s+future\s+meetings)?|attendees|attendance|present|participants|roll\s*call|topics?|updates?|status(?:\s+updates?)?|news|standups?|round\s*table|other(?:\s+(?:business|items|topics))?|misc(?:ellaneous)?|open\s+(?:discussion|floor|questions)|summary|recap|general|decisions?|conclusions?|outcomes?|resolutions?|polls?|votes?|action\s+items?|next\s+steps|adjournment|proposals(?:\s+and\s+discussions)?|new\s+business|old\s+business|opening|closure|closing|details|logistics|registration|schedule(?:\s+constraints)?|introductions?|welcome|announcements?|housekeeping|questions|q\s*&\s*a|links|resources|references|agenda\s+and\s+notes|notes\s+and\s+agenda|issue\s+triage|project\s+updates?|other\s+agenda\s+items|.{0,2})$/i;
/** Items of a meeting's procedure. */
const PROCEDURE =
  /^(?:adoption of|approv(?:e|al of) (?:the )?(?:agenda|minutes)|find(?:ing)? (?:a )?volunteers?|review of (?:the )?action items|(?:open|review of )?action items (?:from|of)|opening of the meeting|introductions? of attendees|next meeting|date of next|closure|adjourn)/i;
const URL = /<?\bhttps?:\/\/[^\s>)]+>?/gi;
const HANDLE = /\(?\s*(?<![\w.])@[\w-]+(?:\s*(?:,|and|&)\s*@[\w-]+)*\s*\)?/g;
const DURATION = /[([]\s*~?\d+(?:\s*[-–]\s*\d+)?\s*(?:min|mins|minutes|m|h|hr|hrs|hours?)\.?\s*[)\]]/gi;
/** A trailing "(Presenter Name)" or "(Name, Name)". */
const PRESENTER = /\(\s*(?:[A-Z][\p{L}'.-]+(?:\s+[A-Z][\p{L}'.-]+){0,3}\s*(?:[,/&]|and)?\s*)+\)\s*$/u;
const MARKER = /^(?:\s*(?:[-*+•>]|\d+[.)]|#+))*\s*/;
/** Words at either end that say what kind of item it is. */
const KIND_START =
  /^(?:(?:poll|vote|discussion|discuss|presentation|present|update|updates|status|follow[- ]?up|followup|review|proposal|rfc|pr|issue|topic|item|re|new|proposed|propose)\b\s*(?:on|of|about|for|:|-|–)?\s*)+/i;
const KIND_END = /(?:\s*(?:-|–|:)?\s*\b(?:rfc|pr|pull request|issue|proposal|discussion|update|updates|status|poll|vote|follow[- ]?up|presentation)s?)+\s*$/i;
const EDGE = /^[\s\-–—:;,.|·()[\]*_"'`]+|[\s\-–—:;,.|·([*_"'`?!]+$/g;
const MAX_WORDS = 10;
/** A GitHub page title pasted as text: "Title · Issue #12 · owner/repo". */
const PAGE_TITLE = /^(.*?)(?:\s+by\s+[\w-]+)?\s+·\s+(?:Issue|Pull Request|Discussion)\s+#\d+\s+·\s+.*$/i;
/** Parentheses holding nothing or only what kind of link it is: "( )", "(issue)", "(spec PR)". */
const KIND_PARENS = /\(\s*(?:(?:spec|design|github|gh|the|an?)\s+)?(?:issue|pr|pull request|rfc|proposal|link|slides|notes|discussion)?s?\s*\)/gi;
/** Terms (schema/terms.ts) that name no subject on their own: "Working doc", "Document links". */
const VAGUE = new Set(
  terms(
    'doc docs document documents link links work working discuss discussing discussion update updates draft drafts proposal proposals ' +
      'issue issues pr prs pull request requests item items note notes meeting meetings comment comments feedback question questions ' +
      'review reviews thing things stuff idea ideas plan plans next step steps status topic topics general misc other new old here see ' +
      'more info details summary overview intro introduction slides slide presentation demo agenda minutes recap follow followup ' +
      'part first second last today week month year quick short brief open close closed current progress',
  ),
);

/**
 * Tidies a heading, head item or agenda line into a topic name; null when it
 * names no subject. `lead`: what may open the text, the vocabulary's line
 * lead (list marker, then a speaker label such as `Chris: …`); null for a
 * heading, where a colon is the title's own ("Making Wasmtime safer: …").
 */
export function topicName(text: string, lead: RegExp | null): string | null {
  let t = (text.split('\n')[0] ?? '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(URL, ' ')
    .replace(HANDLE, ' ')
    .replace(DURATION, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  t = (lead ? t.replace(lead, '') : t.replace(MARKER, ''))
    .replace(/`/g, '')
    .replace(PAGE_TITLE, '$1')
    .replace(/\s--.*$/, '');
  t = t.replace(KIND_PARENS, ' ').replace(/\s+/g, ' ').replace(PRESENTER, '').replace(EDGE, '');
  t = t
    .replace(KIND_START, '')
    .replace(KIND_END, '')
    .replace(/^(?:and|or|of|on|for|the|a|an)\s+/i, '')
    .replace(EDGE, '')
    .trim();
  if (!t.includes('(')) t = t.replace(/\)/g, '');
  if (!t.includes(')')) t = t.replace(/\(/g, '');
  t = t.replace(EDGE, '').trim();
  if (GENERIC_HEADING.test(t) || PROCEDURE.test(t) || !/\p{L}{2}/u.test(t)) return null;
  const ts = terms(t);
  if (!ts.length || ts.every((w) => /^\d+$/.test(w) || VAGUE.has(w))) return null;
  if (t.split(/\s+/).length > MAX_WORDS) {
    const head = t.split(/\s*(?::|\s[-–—]\s|;|\?|\.\s)\s*/)[0]!;
    return head !== t && head.split(/\s+/).length <= MAX_WORDS ? topicName(head, null) : null;
  }
  return t;
}
