/**
 * The plain-English questions `ask` reads, as data: for each kind of
 * question, the root field that answers it, the phrasings (compromise match
 * patterns, tried in order, whole sentence; `{verb rest}` matches every form of
 * the verb followed by the rest, inside an alternation written in parentheses, so "discussed", "discusses" and "has been discussing" are one
 * row) and the phrasing used to suggest it. A new way of asking is a new row.
 */

export type QuestionKind = 'WHO_DISCUSSED' | 'DECISIONS' | 'FOLLOW_UPS' | 'EVOLUTION' | 'LAST_DISCUSSED' | 'WORKING_ON';

export interface QuestionForm {
  kind: QuestionKind;
  /** The root field whose answer is given. */
  field: 'discussions' | 'decisions' | 'followUps' | 'timeline' | 'person';
  /** What the pattern captures: `[<topic>…]` or `[<person>…]`. */
  subject: 'topic' | 'person';
  patterns: string[];
  /** A suggestion, with X for the subject. */
  example: string;
}

// Verbs people use for "talking about" something, as lemmas.
const TALK = '({discuss}|{talk}|{speak}|{mention}|{raise}|{debate}|{bring up}|{cover}|{chat})';
const ABOUT = '(about|on|of|regarding|over)';
const WE = '(we|they|you|people|folks|the team|the group)';
const REFS = '(prs|pr|pull requests|pull request|issues|issue|tickets|rfcs|follow-ups|follow ups|followups|links|references)';

export const QUESTION_FORMS: QuestionForm[] = [
  {
    kind: 'LAST_DISCUSSED',
    field: 'timeline',
    subject: 'topic',
    patterns: [
      `when (did|have|has) ${WE}? last ${TALK} ${ABOUT}? [<topic>.+]`,
      `when (was|were|did) [<topic>.+] last (discussed|mentioned|covered|raised|debated|{come up}|brought up|on the agenda)`,
      `when (was|is) the (last|latest|most recent) (time|meeting|discussion) ${ABOUT}? (that|where|when)? ${WE}? ${TALK}? ${ABOUT}? [<topic>.+]`,
      `the? (last|latest|most recent) (time|meeting|discussion|mention) ${ABOUT}? (that|where|when)? ${WE}? ${TALK}? ${ABOUT}? [<topic>.+]`,
    ],
    example: 'when did we last talk about X',
  },
  {
    kind: 'WHO_DISCUSSED',
    field: 'discussions',
    subject: 'topic',
    patterns: [
      `who (has|have|had|was|were)? been? ${TALK} ${ABOUT}? [<topic>.+]`,
      `(which|what) (people|persons|folks|members|maintainers|attendees) (have|has|had)? been? ${TALK} ${ABOUT}? [<topic>.+]`,
      `who (was|were) (involved|part) (in|of) the? (discussion|discussions|conversation|conversations|talks)? ${ABOUT}? [<topic>.+]`,
      `who (worked|works|is working|was working|has worked) on [<topic>.+]`,
      `who (cares|cared|knows|knew) about [<topic>.+]`,
      `(people|persons|folks) (who|that) ${TALK} ${ABOUT}? [<topic>.+]`,
    ],
    example: 'who discussed X',
  },
  {
    kind: 'DECISIONS',
    field: 'decisions',
    subject: 'topic',
    patterns: [
      `what (did|do|have|has|had) ${WE}? (decide|decided|agree|agreed|resolve|resolved|conclude|concluded) ${ABOUT}? [<topic>.+]`,
      `what (was|were|is|are|has been) (decided|agreed|resolved|concluded) ${ABOUT}? [<topic>.+]`,
      `(which|what) (decisions|decision|agreements|resolutions|conclusions|outcomes) (were|was|have been|has been)? (made|taken|reached)? ${ABOUT}? [<topic>.+]`,
      `(decisions|decision|agreements|outcomes) ${ABOUT} [<topic>.+]`,
      `(did|have|has) ${WE} (decide|decided|agree|agreed) (anything|something)? ${ABOUT} [<topic>.+]`,
    ],
    example: 'what did we decide about X',
  },
  {
    kind: 'FOLLOW_UPS',
    field: 'followUps',
    subject: 'topic',
    patterns: [
      `(which|what) ${REFS} (have|has|had)? ({follow}) (from|up on|on)? [<topic>.+]`,
      `(which|what) ${REFS} (have|has|had|were|was)? ({come out of}|{result from}|{grow out of}|{stem from}|opened after|filed after|{tie to}|linked to|related to) [<topic>.+]`,
      `(which|what) ${REFS} (are|were|was|is) (there)? (for|about|on|after) [<topic>.+]`,
      `(what|which) (came|has come|followed) (out of|from|after) [<topic>.+]`,
      `${REFS} (for|about|on|after|from) [<topic>.+]`,
    ],
    example: 'which PRs followed X',
  },
  {
    kind: 'EVOLUTION',
    field: 'timeline',
    subject: 'topic',
    patterns: [
      `how (did|has|have) (the)? (discussion|discussions|thinking|work) (of|on|about|around) [<topic>.+] (evolve|evolved|change|changed|develop|developed|progress|progressed) over? time?`,
      `how (did|has|have|does) [<topic>.+] (evolve|evolved|change|changed|develop|developed|progress|progressed|unfold|unfolded|go|gone) over? time?`,
      `what (is|was) the (history|timeline|story|evolution|progress) of [<topic>.+]`,
      `the? (history|timeline|story|evolution) of [<topic>.+]`,
      `(show|give) me? the (history|timeline|story|evolution) of [<topic>.+]`,
    ],
    example: 'how did X evolve',
  },
  {
    kind: 'WORKING_ON',
    field: 'person',
    subject: 'person',
    patterns: [
      'what (is|are|was|were) [<person>.+] working on (lately|now|currently|these days|right now)?',
      'what (has|have|had) [<person>.+] been working on (lately|now|recently)?',
      'what (has|have|had) [<person>.+] been (doing|up to) (lately|recently)?',
      'what (is|are) [<person>.+] (doing|up to) (lately|now|currently|these days)?',
      'what (does|do|did) [<person>.+] work on',
      'what (is|are) [<person>.+] (current|recent)? (work|tasks|action items|focus)',
    ],
    example: 'what is X working on',
  },
];

/** Words around a topic that only frame it: "the", "our", "the … discussion". */
export const TOPIC_FRAMING = {
  leading: ['the', 'a', 'an', 'our', 'this', 'that', 'these', 'those', 'any', 'all'],
  trailing: [
    'discussion',
    'discussions',
    'conversation',
    'conversations',
    'topic',
    'thing',
    'stuff',
    'work',
    'question',
    'proposal talk',
    'so far',
    'over time',
    'lately',
    'recently',
    'in meetings',
    'at meetings',
  ],
};

/** Filters a question may carry, read before its phrasing (see read-question.ts). */
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
