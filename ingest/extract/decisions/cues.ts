/**
 * Tells whether one sentence states an outcome the group reached: the words
 * and forms notes use for it ("we decided", "consensus", "no objections",
 * "In conclusion", "moves to phase 2"), and what rules them out (a question,
 * a condition, a wish, a single person agreeing, boilerplate). The word
 * tables are the vocabulary's (formats/cue-words.ts); the forms are here.
 */
import { perTable, type CompiledVocabulary, type OutcomeWords } from '../../formats/vocabulary.js';

const any = (words: readonly string[]): string => words.join('|');

/** Which form stated the decision; `answer` and `outcome` need context to stand alone. */
export type DecisionCue =
  'label' | 'group' | 'consensus' | 'agreement' | 'objections' | 'unanimous' | 'conclusion' | 'phase' | 'passed' | 'plan' | 'verdict' | 'schedule';

/**
 * A body that rules, named as such (not a pronoun, which may be anyone):
 * "The Steering Council accepted PEP 584", "SC approved …", "the board rejected the motion".
 * Case-sensitive: an acronym or capitalised name is the body's name.
 */
const BODY_RULED =
  /(?:^|[\s,;(])(?:[Tt]he\s+)?(?:(?:[A-Z][a-z]+\s+){0,3}(?:Council|Board|Committee|Team|Group|Core|Working\s+Group)|[A-Z]{2,6}|(?:group|team|council|board|committee))(?:(?:'|’)s\s+members)?\s+(?:has\s+|have\s+|had\s+)?(?:also\s+|then\s+|formally\s+|unanimously\s+|eventually\s+|officially\s+|finally\s+)?(?:decided|agreed|accepted|rejected|approved|adopted|ratified|voted\s+(?:to|for|against))\b(?!\s+(?:with|(?:on|upon)\s*(?:[.,;)]|$)))/u;
/** The same body agreeing, told in the present as summaries do ("The SC agrees the WG should …"); named with "the", so initials ("LW agrees") are one person. */
const BODY_AGREES =
  /(?:^|[\s,;(])[Tt]he\s+(?:(?:[A-Z][a-z]+\s+){0,3}(?:Council|Board|Committee|Team|Group|Working\s+Group)|[A-Z]{2,6}|group|team|council|board|committee)\s+agrees\b(?!\s+with\b)/u;
/** A ruling told without its subject, opening the sentence: "Accepted PEP 705 …", "Approved.", "Appointed Ana as delegate." */
const VERDICT =
  /^(?:we(?:'|’)ve\s+|we\s+(?:have\s+)?)?(?:(?:also|formally|unanimously|officially|then)\s+)?(?:(?:passe[sd]|carried)(?=\s*(?:[.!:,;]|$))|accepted|rejected|approved|appointed|adopted|ratified|reinstated|established|elected)(?:\s*[.!]?$|\s*:|\s*,|\s+(?!by\b|as\s+(?:is|of)\b)[\p{L}\p{N}"“'(\[])/iu;
/**
 * A plan told of the group in the third person, as summaries write it:
 * "Developers are aiming to launch …", "client teams plan on shipping …".
 * Not "we plan to" (one speaker's intent, said in the talk).
 */
const GROUP_PLAN =
  /(?:^|[\s,;(])(?:the\s+)?(?:(?:core|client|protocol)\s+)?(?:developers|devs|client\s+teams|implementers|implementors)\s+(?:are\s+(?:aiming|planning)\s+to|aim\s+to|plan\s+(?:on|to))\s+\p{L}/iu;
/**
 * A call for objections with the default it leads to: "Anyone opposed to this? Otherwise
 * we can go ahead and merge it." In a meeting, silence after it is the group's consent.
 */
const DEFAULT_CALL =
  /\b(?:any(?:one|body)?\s+(?:here\s+)?(?:opposed|objects?|objections?|against)|objections?)\b[^.]{0,80}?\botherwise\b,?\s+(?:i\s+think\s+)?(?:we|i|let(?:'|’)?s)(?:(?:'|’)ll|\s+will|\s+can|\s+should|\s+could)?\s+(?:just\s+)?(?:go\s+ahead|move\s+(?:ahead|forward)|proceed|merge|land|include|ship|cancel)\b/i;
/** "It was decided …", "Asyncio was decided to be …", "was agreed upon". */
const PASSIVE = /\b(?:was|were|has\s+been|have\s+been)\s+(?:decided|agreed(?:\s+(?:up)?on)?|determined)\b(?!\s+(?:by\s+(?:the\s+)?(?:previous|earlier)))/i;
/** "The SC's decision was to …", "Decision was reached to …". */
const DECISION_NOUN =
  /\b(?:the|our|\w+(?:'|’)s)\s+decision\s+(?:is|was|has\s+been)\s+(?:to|that)\b|\bdecision\s+(?:was|has\s+been)\s+(?:reached|made|taken)\b/i;

/** "deciding to", "Decided that …" with no one named before it. */
const SUBJECTLESS =
  /(?:^|[,;]\s*|\band\s+)(?:(?:then|eventually|finally|also|unanimously)\s+)?(?:(?:deciding|decided|agreeing|agreed)\s+(?:to|that|on|how|it|we|the|no|not)|settled\s+on|determined\s+that)\b|\band\s+(?:(?:then|eventually|finally|also|unanimously)\s+)?(?:approved|accepted|rejected|adopted)\s+(?:it|them|the|this|that|these|those)\b/i;

const CONSENSUS = [
  /\(\s*consensus\s*[:,-]?\s*\w+/i,
  /\bconsensus\s*(?:is|was|:|-|–|—)\s*(?!no\b|none\b|not\b|unclear|lacking)\S/i,
  /\b(?:reached|got|get|have|had|there\s+(?:is|was|seems\s+to\s+be)|seems?\s+(?:like|to\s+be)|sounds?\s+like(?:\s+(?:we|there)\s+(?:have|has|is))?|looks?\s+like(?:\s+(?:we|there)\s+(?:have|has|is))?|general|rough|broad|strong|solid|unanimous|clear|overall|positive|with)\s+(?:a\s+|the\s+)?(?:general\s+|rough\s+|broad\s+|strong\s+|clear\s+)?consensus\b/i,
  /^consensus\s+(?:to|on|that|for|we|from|among|in\s+the\s+room)\b/i,
];
const AGREEMENT = [
  /\b(?:general|broad|rough|full|unanimous|overall|clear|wide|strong)\s+agreement\b/i,
  /(?:^|\bthere\s+(?:is|was)\s+)(?:general|broad|unanimous|wide|overall)\s+support\s+(?:for|to)\b/i,
  /\b(?:we|they|group|team)\s+(?:have|had|reached|are\s+in|were\s+in|came\s+to)\s+(?:an?\s+|general\s+)?agreement\b/i,
  /\b(?:sounds?|seems?|looks?)\s+like\s+(?:we\s+have\s+|there\s+is\s+)?(?:an?\s+)?agreement\b/i,
  /^agreement\s+(?:to|that|on|all|everyone|we)\b/i,
  /\b(?:everyone|everybody|all(?:\s+members)?)\s+(?:is|are|was|were)\s+in\s+(?:agreement|support|favou?r)\b|\b(?:is|are|was|were)\s+(?:universally|unanimously|broadly|generally)\s+in\s+(?:favou?r|agreement|support)\b/i,
  DECISION_NOUN,
];
const OBJECTIONS =
  /\b(?:no\s+(?:objections?|opposition|one\s+(?:objected|opposed)|dissent|concerns?\s+(?:were\s+)?raised)|none\s+opposed|without\s+(?:any\s+)?objections?|nobody\s+(?:objected|opposed)|(?:objections?|opposed|concerns?)\s*[^?.]{0,80}\?\s*\[?\(?\s*(?:none|no|nobody|no\s+one)\b)/i;
const UNANIMOUS = /\bunanimous(?:ly)?\b/i;
const CONCLUSION = /^(?:so,?\s+)?(?:in\s+conclusion|to\s+conclude|conclusion(?:\s+is)?\s*:|the\s+conclusion\s+(?:is|was))\b/i;
const CONGRATS = /\bcongrat\w*\b[^.?!]{0,80}\b(?:phase|stage)\s*\d/i;
const PHASE =
  /\b(?:moves?|moved|advances|advanced|promoted|promotes?|goes|went|proceeds?|proceeded|graduates?|graduated|is\s+now\s+at|enters?|entered)\s+(?:forward\s+)?(?:from\s+(?:phase|stage|rfc)\s*-?\d\s+)?(?:to|into)\s+(?:(?:phase|stage)\s*\d|rfc\s*-?\d\b)/i;
const PASSED =
  /\b(?:proposal|poll|motion|vote|change|resolution|rfc)\s+(?:passes|passed|carries|carried|is\s+approved|was\s+approved|is\s+accepted|was\s+accepted|is\s+adopted|was\s+adopted)(?=\s*(?:[.!;,)\]]|$|\s+(?:unanimously|with|by)\b))/i;
/** A vote told by its result: "the name with the highest number of votes was …", "won the vote". */
const VOTE_RESULT =
  /\b(?:highest|most)\s+(?:number\s+of\s+)?votes\s+(?:was|is|went\s+to)\b|\bwon\s+the\s+(?:vote|poll)\b|\b(?:vote|poll)\s+(?:result|outcome)\s+(?:was|is)\b/i;
/** The meeting's own time changed: "This meeting is being moved forward an hour", "the weekly call has been moved to Tuesdays". Not a cancellation notice. */
const SCHEDULE =
  /\b(?:meeting|call|sync)s?\s+(?:is|are|will\s+be|has\s+been|have\s+been|is\s+being|are\s+being)\s+(?:moved|rescheduled|shifted)\s+(?:to|forward|back|later|earlier|an?\s+hour|by|from)\b/i;
/**
 * A plan stated for the group: "we'll change …", "let's add …", "let's go ahead
 * and make this an option". Not how the meeting itself goes on ("let's go ahead
 * and get started", "… move on to the next item").
 */
const PLAN =
  /(?:^|[:;,]\s*|\b(?:so|then|and)\s+)(?:we(?:'|’)ll|we\s+will|we\s+are\s+going\s+to|we(?:'|’)re\s+going\s+to|let(?:'|’)?s)\s+(?:just\s+|now\s+|then\s+)?(?:go\s+ahead\s+(?:and\s+(?!(?:(?:just|then|now|right)\s+)?(?:get|start|begin|kick|move|jump|dive|wrap|end|close|take|look|discuss|talk|touch|share|present|introduce|give|hear|see|go|do|call|continue|skip|break|review|read|walk|run|switch|pause|stop|hand|pass|turn|open|tackle|chat|cover|record|screen|ask|answer)\b)\p{L}+|with)\b|change|rename|switch|remove|drop|deprecate|adopt|go\s+with|stick\s+with|keep|cancel|merge|land|postpone|defer|add|create|move\s+forward\s+with|split|revert|disable|enable|require|publish|release|archive|retire)\b(?!\s+(?:going|moving|on|it\s+short)\b)/iu;

/** A question answered where it stands: "only for keys? (yes for now)", "rename it? [no]"; group 1 is the answer. */
export const INLINE_ANSWER = /\?\s*[\[(]\s*([^()\[\]]{1,40})[)\]]\s*$/;
/** A question put to the group that a "yes" settles. */
export const ASKS_YES =
  /\b(?:should\s+we|shall\s+we|do\s+we\s+(?:want|agree|have\s+consensus)|are\s+we\s+(?:ok|okay|good|fine|agreed|happy|all)|can\s+we\s+agree|is\s+(?:everyone|everybody)\s+(?:ok|okay|fine|happy|good)|(?:does|do)\s+(?:everyone|everybody|people)\s+agree|all\s+in\s+favou?r|consensus\??$)/i;
/** A question put to the group that a "no" settles. */
export const ASKS_NONE = /\b(?:objections?|opposed|oppose|concerns?|disagree|against|object)\b/i;

const FILLER = String.raw`(?:(?:so|yeah|yes|and|okay|ok|well|um|uh|right),?\s+)*`;

/** Words that make a sentence a wish, a condition or a question rather than an outcome. */
const HEDGE =
  /\b(?:if|whether|unless|once|would\s+(?:like|love)|want(?:s|ed)?\s+to\s+(?:reach|get|build|have)|need(?:s|ed)?\s+(?:to\s+(?:reach|get|build|have)\s+)?(?:a\s+)?consensus|(?:hope|hoping)\s+(?:to|for|that)|not\s+sure|no\s+(?:strong\s+|clear\s+|real\s+)?(?:consensus|agreement)|(?:lack|absence)\s+of|without\s+(?:a\s+)?(?:consensus|agreement)|toward(?:s)?\s+(?:a\s+)?consensus|disagree(?:ment)?|isn(?:'|’)t\s+decided|not\s+(?:yet\s+)?(?:decided|agreed)|undecided|haven(?:'|’)t\s+(?:decided|agreed)|didn(?:'|’)t\s+(?:decide|agree)|but\s+not\b|\bor\s+not\s*[.?!]?\s*$)/i;
/** A negation that undoes a consensus or an agreement ("That doesn't sound like consensus"). */
const NEGATED = /\b(?:not|never|no|nothing|(?:do|does|did|is|was|are|were|have|has)n(?:'|’)?t)\b/i;
/** Boilerplate outcomes: the agenda, the minutes, who takes notes. */
const BOILERPLATE = /\b(?:agenda|minutes|notes?[- ]?tak(?:er|ing)|previous\s+meeting(?:'|’)s\s+notes|as\s+agreed\s+(?:upon\s+)?(?:in|at|during|last))\b/i;

/** Words by which an outcome block records that nothing was settled ("We're mixed …; more debate is needed"). */
export const NO_OUTCOME =
  /\b(?:we(?:'|’)re\s+mixed|we\s+are\s+mixed|mixed\s+(?:feelings|opinions)|more\s+(?:debate|discussion)\s+(?:is\s+)?needed|no\s+(?:conclusion|decision)\s+(?:was\s+)?(?:reached|made)|undecided)\b/i;

/** A reply that is only a mark of approval: `✅`, `:white_check_mark:`, `✔ merged`. Under a proposal it accepts it. */
export const SIGN_OFF =
  /^(?:✅|✔️?|☑️?|:white_check_mark:|:heavy_check_mark:|:ballot_box_with_check:)(?:\s*(?:approved|accepted|agreed|merged?|lgtm))?\s*[.!]?$/iu;

/**
 * A label heading the plan the meeting settled on, its items the steps:
 * "The plan:", "**Plan for enabling TLS on gateways**". Not a status
 * report's "Plan for this week" (someone's own work), nor "Plan to discuss …".
 */
export const PLAN_LABEL =
  /^(?:the\s+|our\s+)?(?:agreed(?:[- ]upon)?\s+|final\s+|new\s+|revised\s+)?plan(?:\s+(?:for|to)\s+(?!(?:this|next|the\s+(?:coming|next))\s+(?:week|month|quarter|sprint|cycle)\b|today\b|(?:discuss|talk|review)\b)[^:]{1,120})?$/i;

/** A `Result:` that only names someone's task ("Result: ana will file an issue") is an action item. */
const TASK = /^@?(?!we\b)[\p{L}.-]+\s+(?:will|to)\s+(?:file|write|look|check|follow|open|send|ping|reach|draft|investigate|update)\b/iu;

/** The outcome forms compiled from one vocabulary's outcome words. */
export interface OutcomeCues {
  /** Whether a text has any word a decision form needs (a cheap test before splitting it into sentences). */
  mayStateDecision(text: string): boolean;
  /**
   * The form by which a sentence states a decision, or null. `text` has its
   * speaker label removed; `spoken` when a speaker said it (an "agreed that …"
   * opening their words is their own agreement, not the group's).
   */
  decisionCue(text: string, spoken?: boolean): DecisionCue | null;
  /** Outcome words in a reply after a question that say yes: "yes", "[yes]", "Agreed". */
  readonly answerYes: RegExp;
  /** Outcome words in a reply after a question that say no one objects: "[no]", "<No objections>", "None!". */
  readonly answerNone: RegExp;
  /** A sentence that calls for objections: "Anyone against that.", "Any objections to including X?" (group 1: what follows the call). */
  readonly silentCall: RegExp;
  /** A call for any comment at all ("Any objections or other thoughts?"): silence after it settles nothing. */
  readonly anyComment: RegExp;
  /** A sentence that acknowledges the silence and moves on: "Okay.", "Okay cool", "Hearing none" (group 1: what follows). */
  readonly silentAck: RegExp;
  /** What a longer acknowledgement says when it carries the proposal on ("let's get it merged then"). */
  readonly silentOnwards: RegExp;
  /** The result a motion met ("Passed", "Carried"). */
  readonly motionResult: RegExp;
  /** A motion that died unvoted ("not seconded"). */
  readonly notSeconded: RegExp;
  /**
   * The result told on the motion's own line, after its sentence: "Motion: go
   * forward with collaboration. Seconded, Passed.", "… waivers of requirement. Passed".
   */
  readonly resultTail: RegExp;
}

/** The regexes built from the outcome words that decisionCue reads. */
interface OutcomeForms {
  /** Words one of the forms needs; a sentence with none of them states no decision. */
  readonly trigger: RegExp;
  /** Labels that open a recorded outcome: `Decision:`, `Resolved:`, `Agreed:`, `Outcome -`, meeting bots' `#agreed`. */
  readonly label: RegExp;
  /** Every form, by the cue it gives, in the order tried. */
  readonly forms: readonly (readonly [DecisionCue, readonly RegExp[]])[];
  /** A sentence whose subject is a body (groupOpens). */
  readonly groupOpens: RegExp;
}

const compiledPerTable = perTable(compileOutcomeCues);

/** The outcome forms of a note's vocabulary, compiled once per outcome-words table. */
export const outcomeCues = (vocabulary: CompiledVocabulary): OutcomeCues => compiledPerTable(vocabulary.tables.outcomes);

/** Compiles the outcome forms around one table of outcome words. */
function compileOutcomeCues(words: OutcomeWords): OutcomeCues {
  const trigger = new RegExp(any(words.triggers), 'i');
  const label = new RegExp(
    String.raw`^[\s*_[(]*(?:#(?:${any(words.labels.tags)})\b[:\s]|(?:(?:${any(words.labels.qualifiers)})\s+)?(?:${any(words.labels.nouns)})\b[\s*_\])]*[:,–—-]|(?:${any(words.labels.words)})\b[\s*_\])]*[:–—-])\s*(.*)$`,
    'i',
  );
  // The group as the subject of a decision verb.
  const groupSubject = String.raw`(?:we|they|(?:the\s+)?(?:whole\s+|entire\s+)?(?:${any(words.groups)})|(?:the\s+)?(?:(?:core|client|protocol)\s+)?(?:developers|devs|client\s+teams|implementers|implementors)|the\s+[\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*){0,3}\s+(?:team|group|subgroup|committee|council|board|sig|members|maintainers)|the\s+\p{Lu}{2,6}|everyone|everybody|all(?:\s+(?:present|attendees|participants))?|it\s+(?:was|has\s+been)(?=\s+(?:decided|agreed|determined|resolved))|(?:we|they)\s+(?:all|both|then|also|finally|eventually|ultimately|collectively|unanimously|jointly|tentatively|informally))`;
  const groupDecided = new RegExp(
    String.raw`(?:^|[\s,;(])${groupSubject}(?:\s+|(?:'|’)ve\s+)(?:have\s+|had\s+|has\s+)?(?:all\s+|then\s+|also\s+|finally\s+|eventually\s+|ultimately\s+|unanimously\s+|collectively\s+|tentatively\s+|informally\s+|generally\s+|broadly\s+)?(?:decided|agreed|resolved\s+(?:to|that)|determined\s+that|concluded|settled\s+on|voted\s+(?:to|for|in\s+favou?r)|chose\s+to|opted\s+(?:to|for))\b(?!\s+(?:with|(?:on|upon)\s*(?:[.,;)]|$)))`,
    'iu',
  );
  const forms: OutcomeForms = { trigger, label, forms: formsWith(groupDecided), groupOpens: groupOpens(words) };
  const silence = words.silence;
  const motions = words.motions;
  return {
    mayStateDecision: (text) => trigger.test(text),
    decisionCue: (text, spoken = false) => decisionCue(forms, text, spoken),
    answerYes: new RegExp(String.raw`^[\s[(<*_"“]*(?:${any(words.answers.yes)})\b`, 'i'),
    answerNone: new RegExp(String.raw`^[\s[(<*_"“]*(?:${any(words.answers.none)})\b(?!\s+(?:idea|clue|way|consensus|agreement))`, 'i'),
    silentCall: new RegExp(String.raw`^${FILLER}(?:${any(silence.calls)})\b(.*)$`, 'i'),
    anyComment: new RegExp(String.raw`\b(?:or|and)\s+(?:any\s+)?(?:${any(silence.others)})\b`, 'i'),
    silentAck: new RegExp(String.raw`^(?:(?:${any(silence.acks)})\b[\s,.!]*)+(.*)$`, 'i'),
    silentOnwards: new RegExp(String.raw`(?:^|\s|,)(?:well,?\s+)?(?:${any(silence.onwards)})`, 'i'),
    motionResult: new RegExp(String.raw`\b(?:${any(motions.results)})\b`, 'i'),
    notSeconded: new RegExp(String.raw`\b(?:${any(motions.unseconded)})\b`, 'i'),
    resultTail: new RegExp(
      String.raw`[.;,)]\s*(?:(?:${any(motions.seconded)})\s*[.,;]?\s*(?:and\s+)?)?(?:(?:the\s+)?motion\s+)?(?:${any(motions.results)})\b(?:\s+(?:unanimously|by\s+[^.]{1,40}|with\s+[^.]{1,40}))?\s*[.!]?\s*$`,
      'iu',
    ),
  };
}

/** The form by which a sentence states a decision (OutcomeCues.decisionCue), read with one vocabulary's forms. */
function decisionCue({ trigger, label: labelForm, forms, groupOpens }: OutcomeForms, text: string, spoken: boolean): DecisionCue | null {
  const t = text.trim();
  if (!t || !trigger.test(t) || BOILERPLATE.test(t)) return null;
  const label = labelForm.exec(t);
  if (label) {
    const rest = label[1]!.replace(/[*_]/g, '').trim();
    if (
      rest &&
      !/^(?:none|n\/?a|not\s+applicable|tbd|todo|-|\.\.\.|…|no(?:\s+(?:strong|clear))?\s+(?:consensus|decision|agreement|resolution|outcome|vote|poll)|(?:discussed|deferred|tabled|postponed)\b|.*\bno\s+vote\b)\b/iu.test(
        rest,
      ) &&
      !(/^[\s*_[(]*results?\b/i.test(t) && TASK.test(rest))
    )
      return 'label';
  }
  const question = /\?\s*$/.test(t) || /\?\s*[^?]{0,3}$/.test(t);
  const objection = OBJECTIONS.exec(t);
  // "If there is no objection, we can merge" asks; it records nothing yet.
  const call = DEFAULT_CALL.exec(t);
  if (call && !quoted(t, call.index)) return 'objections';
  if (objection && !/\b(?:if|unless|as\s+long\s+as|assuming)\s+(?:\w+\s+){0,3}$/i.test(t.slice(Math.max(0, objection.index - 30), objection.index)))
    return 'objections';
  if (question) return null;
  if (CONCLUSION.test(t)) return 'conclusion';
  for (const [cue, res] of forms) {
    for (const re of res) {
      const m = re.exec(t);
      if (!m || quoted(t, m.index)) continue;
      // A ruling or a group's decision is governed by the words up to it, not by a condition told later about someone else.
      const clause = clauseOf(t, m.index, m.index + m[0].length);
      if (
        HEDGE.test(
          cue === 'verdict' || cue === 'group' || re === DECISION_NOUN ? clause.slice(0, clause.indexOf(m[0].trim()) + m[0].trim().length + 40) : clause,
        )
      )
        continue;
      if (cue === 'group' && re === SUBJECTLESS && (spoken || (namedBefore(t, m.index) && !(/^\W*and\b/i.test(m[0]) && groupOpens.test(t))))) continue;
      if ((cue === 'group' || cue === 'agreement') && /\bbut\s+not\b/i.test(t.slice(m.index))) continue;
      // "The SC's decision was to …" is a decision whatever the negations inside what was decided; "no decision was made" is none.
      if (
        (cue === 'consensus' || cue === 'agreement' || cue === 'unanimous' || re === PASSIVE) &&
        NEGATED.test(re === DECISION_NOUN ? t.slice(0, m.index + m[0].length) : clauseOf(t, m.index, m.index + m[0].length))
      )
        continue;
      if ((cue === 'group' || re === DECISION_NOUN) && reportedBefore(t, m.index)) continue;
      if (
        (cue === 'group' || cue === 'agreement' || cue === 'consensus' || cue === 'verdict' || cue === 'phase') &&
        EARLIER.test(clauseOf(t, m.index, m.index + m[0].length))
      )
        continue;
      if (cue === 'unanimous' && /\blet(?:'|’)?s\b|\bask(?:ing|ed)?\s+for\b/i.test(t)) continue;
      if (cue === 'phase' && modalBefore(t, m.index)) continue;
      // "EIPs that developers plan on including", "Ana recommended that teams aim to …": a definition or a wish, not the plan.
      if (
        re === GROUP_PLAN &&
        /\b(?:that|which|who|whom|recommend\w*|suggest\w*|propos\w*|ask\w*|want\w*|expect\w*)\s+(?:\w+\s+){0,2}$/i.test(t.slice(0, m.index + 1))
      )
        continue;
      if (
        cue === 'plan' &&
        /\b(?:i\s+guess|maybe|probably|perhaps|might|may|could|hopefully|eventually|someday|at\s+some\s+point|in\s+the\s+future|long[- ]term)\b/i.test(
          clauseOf(t, m.index, m.index + m[0].length),
        )
      )
        continue;
      return cue;
    }
  }
  return null;
}

/** The forms decisionCue tries, in order, with the group-decided form built from the vocabulary's groups. */
const formsWith = (groupDecided: RegExp): [DecisionCue, RegExp[]][] => [
  ['group', [groupDecided, SUBJECTLESS, BODY_RULED, BODY_AGREES, PASSIVE, GROUP_PLAN]],
  ['verdict', [VERDICT, /^(?:it(?:'|’)s|it\s+is|that(?:'|’)s)\s+a\s+go\b/i]],
  ['consensus', CONSENSUS],
  ['agreement', AGREEMENT],
  ['unanimous', [UNANIMOUS]],
  ['phase', [PHASE, CONGRATS]],
  ['passed', [PASSED, VOTE_RESULT]],
  ['plan', [PLAN]],
  ['schedule', [SCHEDULE]],
];

/** The clause a match stands in: from the sentence's last `;`/`:` before it to the next `,`/`;`/`:` after it. */
function clauseOf(t: string, from: number, to: number): string {
  const before = t.slice(0, from);
  const start = Math.max(before.lastIndexOf(';'), before.lastIndexOf(': ')) + 1;
  const after = t.slice(to).search(/[,;:]\s|\s(?:and\s+then|but)\s/);
  return t.slice(start, after < 0 ? t.length : to + after);
}

/**
 * An outcome of an earlier meeting, recalled ("we agreed last time to …", "we've decided before
 * against including …", "we have decided not to drop them before"): not this meeting's decision.
 */
const EARLIER =
  /\b(?:last|previous|prior)\s+(?:time|week|meeting|call|month|session)s?\b|\bpreviously\b|\bbefore\s*(?:[.,;!)]|$)|\b(?:decided|agreed|concluded)\s+before\s+(?:against|that|on|not)\b|\bin\s+the\s+past\b|\bhistorically\b|\b(?:years?|months?)\s+ago\b|\bin\s+(?:19|20)\d\d\b|\((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d\)/i;

/** A decision told as something past or someone else's ("things we voted on years ago", "since we decided"). */
function reportedBefore(t: string, at: number): boolean {
  // "When we added BigInt64Array we decided that …": the sentence opens on the earlier time it was decided at.
  if (/^(?:back\s+)?when\s+[^,;:]{0,80}$/i.test(t.slice(0, at + 1).trim())) return true;
  const before = t.slice(Math.max(0, at - 30), at + 1).toLowerCase();
  return /\b(?:things|what|which|since|after|when|as|because|how|why|where|until|once|before|ones\s+that)\s+(?:\w+\s+)?$/.test(before.replace(/\s+$/, ' '));
}

/** Whether the match stands inside quotation marks ("IETF calls it “rough consensus”"). */
function quoted(t: string, at: number): boolean {
  const before = t.slice(0, at);
  return (before.match(/["“”]/g) ?? []).length % 2 === 1;
}

/**
 * A sentence whose subject is a body ("SC reviewed PEP 642 (Explicit Pattern Syntax), and
 * decided to reject it", "The Steering Council discussed …"): the "and decided" is the body's,
 * whatever name stands right before it.
 */
const groupOpens = (words: OutcomeWords): RegExp =>
  new RegExp(
    String.raw`^(?:the\s+)?(?:\p{Lu}{2,6}|(?:\p{Lu}\p{Ll}+\s+){0,3}(?:Council|Board|Committee|Team|Group|Working\s+Group)|(?:${any(words.groups)}))\s+(?:(?:has|have|had|also|then|briefly|again|further|formally|collectively)\s+)*\p{Ll}+ed\b`,
    'u',
  );

/** Whether a person's name or a singular pronoun stands right before the match ("Tomasz agreed to …"). */
function namedBefore(t: string, at: number): boolean {
  const before = t.slice(0, at).trim();
  if (!before) return false;
  const last = before
    .split(/\s+/)
    .pop()!
    .replace(/[^\p{L}'’]/gu, '');
  if (/^(?:i|he|she|who|[\p{Lu}][\p{Ll}]+)$/u.test(last) && !/^(?:we|they|and|then|so|also|finally)$/i.test(last)) return true;
  return false;
}

/** Whether a modal or a wish governs the match ("we can move to phase 3", "before we move to phase 4"). */
function modalBefore(t: string, at: number): boolean {
  const before = t.slice(Math.max(0, at - 40), at).toLowerCase();
  return /\b(?:will|would|should|could|can|to|want|wants|propose[sd]?|proposing|request(?:s|ed)?|before|when|need|needs|might|may|ready|plan|try|trying|ask|asking)\s+(?:\w+\s+){0,3}$/.test(
    before,
  );
}
