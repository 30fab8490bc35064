/**
 * Tells whether one sentence commits someone to a follow-up, and whom:
 * labels (`AI[BS]:`, `Action:`, `TODO:`), a speaker's "I'll file an issue",
 * "will review", "plan to work on", a named owner ("Dan to write up …",
 * "Johnnie volunteers to …"), a group ("The TSC should review …"), "PR
 * forthcoming". What software or a design "will" do is no commitment: the
 * owner must be a person or a group, and the verb one of following up.
 * The word tables are the vocabulary's (formats/cue-words.ts); the forms are here.
 */
import { perTable, type CompiledVocabulary, type TaskWords } from '../../formats/vocabulary.js';

const any = (words: readonly string[]): string => words.join('|');

export interface ActionCue {
  /** How the owner is given: the speaker (`self`), a form in the sentence (`named`), a pronoun, or no one yet. */
  owner: 'self' | 'named' | 'pronoun' | 'none';
  /** The owner as written, for `named`. */
  form?: string;
  /** Whether an explicit action label or phrase marks it (`AI:`, "takes an action item"). */
  labelled: boolean;
}

/** The task forms compiled from one vocabulary's task words. */
export interface TaskCues {
  /** Whether a text opens with an action label (`AI:`, `[ACTION - Dan]`), which no speaker label may hide. */
  opensWithActionLabel(text: string): boolean;
  /** Who an owner-less action label gives its task to (`Action: Jonah delete …`, `ACTION: Ask Rosa to …`). */
  labelledOwnerForm(text: string): { form: string; bare: boolean } | null;
  /** Whether what follows an action label reads as a task, not a remark. */
  labelledTask(text: string): boolean;
  /** Whether a turn accepts a task the turn before asked of someone. */
  acceptsRequest(answer: string, question: string): boolean;
  /** Whether a text has any word a commitment needs. */
  mayCommit(text: string): boolean;
  /** The commitment a sentence makes, or null (`text` without its speaker label; `spoken` when a speaker said it). */
  actionCue(text: string, spoken: boolean): ActionCue | null;
  /** The owner an item in an action list names. */
  listedOwner(text: string): { form: string; how: 'bracket' | 'named' | 'label' | 'bare'; rest: string } | null;
  /** Whether a list item reads as a task: it opens with a verb of following up. */
  readsAsTask(text: string): boolean;
}

const compiledPerTable = perTable(compileTaskCues);

/** The task forms of a note's vocabulary, compiled once per task-words table. */
export const taskCues = (vocabulary: CompiledVocabulary): TaskCues => compiledPerTable(vocabulary.tables.tasks);

/** Compiles the task forms around one table of task words. */
function compileTaskCues(words: TaskWords): TaskCues {
  /** Verbs of following up, with the words some of them need after them to mean it. */
  const VERB = String.raw`(?:${any(words.verbs)})\b`;

  /** Words one of the forms needs; a sentence with none of them commits no one. */
  const TRIGGER = new RegExp(any(words.triggers), 'i');

  /** Labels of an action item: `AI:`, `AI[BS]:`, `Action:`, `ACTION (Dan):`, `[ACTION]`, `[ACTION - Dan]`, `TODO:`, `Follow-up:`, meeting bots' `#action nick …`. */
  const ACTION_LABEL = new RegExp(
    String.raw`^[\s*_]*(?:#(?:${any(words.labels.tags)})\b|\[\s*(?:${any(words.labels.bracketed)})\s*(?:[-–—:]\s*([^\]]{1,40}?)\s*)?\][\s*_]*(?:[:\-–—](?=\s))?|(?:${any(words.labels.words)})\s*(?:\[([^\]]{1,40})\]|\(([^)]{1,40})\))?[\s*_]*[:\-–—])\s*(.*)$`,
    'i',
  );
  /** "takes an action item", "will take an AI to …". */
  const TAKES_AI = /\b(?:takes?|took|taking|has|have)\s+(?:an?\s+|the\s+)?(?:action\s+item|AI|action)\b/i;
  /** A speaker's own commitment: "I'll …", "I will …", "I'm going to …", "my plan is to …". */
  const SELF = new RegExp(
    String.raw`(?:^|[,;:.]\s*|\b(?:and|so|then|ok|okay|sure|yes|yeah|also|but|although|though|I\s+think|I\s+guess)\s+|\b(?:when|once|after)\s+I\s+[^,.;?!]{1,50}?,?\s+)(?:I(?:'|’)ll|I\s+will|I(?:'|’)m\s+going\s+to|I\s+am\s+going\s+to|I\s+plan\s+to|I(?:'|’)m\s+planning\s+(?:to|on)|my\s+plan\s+is\s+to|I\s+intend\s+to|I\s+volunteer\s+to|I(?:'|’)m\s+happy\s+to|I\s+(?:need|have)\s+to(?=\s+(?:create|file|open|write|send|talk|follow|reach|update|add|fix|ping|check|review|post|draft)\b)|I\s+can(?=(?:\s+(?:definitely|also|probably|just|easily))?\s+(?:make\s+sure|take\b|follow\s+up|reach\s+out|look\s+into|file|open|write|send|put\s+together|ping|work\s+(?:on|with)|do\s+(?:the|that|it|this)\b|address\s+(?:that|this|it|the)|create|fix|review|draft|knock|bump|post)))\s+(?:also\s+|then\s+|just\s+|first\s+|now\s+|probably\s+|definitely\s+|kind\s+of\s+|sort\s+of\s+|try\s+(?:to\s+|and\s+)?|go\s+ahead\s+and\s+|be\s+able\s+to\s+)*${VERB}`,
    'i',
  );
  /** The same said without the pronoun, as notes write a speaker's words: "Will review today", "plan to work on ISLE". */
  const BARE = new RegExp(
    String.raw`(?:^|[,;.]\s*|\b(?:and|so|then)\s+)(?:will|going\s+to|plan(?:ning)?\s+to|planning\s+on|intends?\s+to)\s+(?:also\s+|then\s+|just\s+|first\s+|try\s+(?:to\s+|and\s+)?|go\s+ahead\s+and\s+)*${VERB}`,
    'i',
  );
  /**
   * Someone else the words before a bare "… and will send" are about: "the proposer will gather bids … and will
   * send", "Phillips found things he's clarifying and will bring it up" promise nothing for the speaker.
   */
  const OTHER_SUBJECT =
    /\b(?:he|she)(?:(?:'|’)s)?\b|\b(?!(?:I|we|you|and|or|but|so|then|also|just|still|that|which|who)\b)[\p{L}]+\s+(?:will|is\s+going\s+to|are\s+going\s+to)\b/iu;
  /** A named owner opening the sentence: "Dan to write up …", "Bailey will …", "Johnnie volunteers to …". */
  const NAMED = new RegExp(
    String.raw`^(?:(?:[Aa]nd|[Ss]o|[Tt]hen|[Aa]lso|[Cc]urrently|[Nn]ext|[Ff]inally),?\s+)?(\[[^\]]{1,40}\]|[Tt]he\s+(?:whole\s+)?(?:group|team|committee|council|board|chairs|co-chairs|editors|maintainers|champions)(?=\s)|@?[\p{L}][\p{L}\p{M}'’.-]*(?:\s*(?:&|/|\+|,|\band\b)\s*@?[\p{L}][\p{L}\p{M}'’.-]*){0,3}(?:\s+[\p{Lu}][\p{L}\p{M}'’.-]*){0,2})\s*,?\s+(?:(will|to|is\s+going\s+to|are\s+going\s+to|plans?\s+to|is\s+planning\s+to|volunteers?\s+to|volunteered\s+to|offered\s+to|offers\s+to|agreed\s+to|has\s+agreed\s+to|(?:has|have)\s+volunteered\s+to|should)\s+(?:also\s+|then\s+|try\s+(?:to\s+|and\s+)?|go\s+ahead\s+and\s+)*)${VERB}`,
    'u',
  );
  /** An assignment a group made: "(it was) decided (that) Ewa would send …" (an "agreed" in a recap restates a task listed elsewhere). */
  const ASSIGNED = new RegExp(
    String.raw`\bdecided\s+(?:that\s+)?(\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*)?)\s+(?:would|will|should)\s+(?:also\s+|then\s+)*${VERB}`,
    'u',
  );
  /**
   * A named owner inside a sentence, after "and" or a "that" that reports ("… and Barry will take the lead on …",
   * "The plan is that Ewa will …"); not a relative "that" ("data that Michael will collect").
   */
  const MID_NAMED = new RegExp(
    String.raw`(?:\band\s+(?:that\s+)?|\b(?:decided|determined|said|noted|mentioned|suggested|proposed|confirmed|is|was)\s+that\s+)(\p{Lu}[\p{Ll}\p{M}'’-]+(?:\s+\p{Lu}[\p{Ll}\p{M}'’-]+)?)(?:,[^,]{1,40},)?\s+(?:will|would|is\s+going\s+to|(?:still\s+)?plans\s+(?:to|on))\s+(?:also\s+|then\s+|try\s+(?:to\s+|and\s+)?)*${VERB}`,
    'u',
  );
  /** The sentence's subject promising in a later clause: "Ewa updated the SC on the migration and will send a summary …". */
  const SUBJECT_AND_WILL = new RegExp(
    String.raw`^(\p{Lu}[\p{Ll}\p{M}'’-]+(?:\s+\p{Lu}[\p{Ll}\p{M}'’-]+)?)\s+\p{Ll}[^.;:?!]{0,120}?,?\s+and\s+(?:will|is\s+going\s+to)\s+(?:also\s+|then\s+)*${VERB}`,
    'u',
  );
  /** A promise reported in the third person: "Stokes said that he would follow up with …", "Ana noted she will post …". */
  const REPORTED = new RegExp(
    String.raw`(?:^|[.;,]\s*|\b(?:and|then)\s+)(\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+)?)\s+(?:said|says|noted|mentioned|confirmed|stated|added|offered|promised)\s+(?:that\s+)?(?:he|she|they)(?:\s+(?:would|will)|(?:'|’)(?:ll|d))\s+(?:also\s+|then\s+|try\s+(?:to\s+|and\s+)?)*${VERB}`,
    'u',
  );
  /** "He will share some materials shortly.", "…; he'll reach out to her", "After the workshop he will post notes …". */
  const PRONOUN = new RegExp(
    String.raw`(?:^|;\s+)(?:(?:and|so|then|also)\s+)?(?:(?:after|once)\s+(?:the\s+)?\w+,?\s+)?(?:he|she)(?:(?:'|’)ll\s+|\s+(?:will|is\s+going\s+to|plans\s+to|volunteered\s+to|offered\s+to|agreed\s+to)\s+)(?:also\s+|then\s+|try\s+(?:to\s+|and\s+)?)*${VERB}`,
    'i',
  );
  /** "PR forthcoming on …". */
  const FORTHCOMING =
    /\b(?:PR|pull\s+request|patch|fix|write-?up|RFC|issue|doc(?:ument)?)s?\s+(?:is\s+|are\s+)?(?:forthcoming|coming\s+(?:soon|up|shortly)|incoming|to\s+follow|will\s+follow|on\s+(?:its|the)\s+way)\b/i;
  /** Words that make a sentence no commitment: a condition, a wish, a question, the meeting itself. */
  const NOT_A_PROMISE =
    /\b(?:if\s+(?:I|we|you|someone|anyone|somebody|there|it|that|this)\b|would\s+(?:be|have)|could\s+be|unless|(?:in|to|into)\s+(?:the\s+)?(?:zoom\s+)?chat|in\s+a\s+(?:moment|sec(?:ond)?|minute|bit)|right\s+now|my\s+screen|on\s+screen|next\s+slide|this\s+(?:talk|presentation)|today(?:'|’)s\s+(?:talk|presentation))\b/i;

  /** Whether a text opens with an action label (`AI:`, `[ACTION - Dan]`), which no speaker label may hide. */
  function opensWithActionLabel(text: string): boolean {
    return ACTION_LABEL.test(text.trim());
  }

  /**
   * Who an owner-less action label gives its task to, by the forms lists use:
   * `Action: Jonah delete …` (a bare name, kept when the meeting knows it),
   * `ACTION: Ask Rosa/Wen to draft …`.
   */
  function labelledOwnerForm(text: string): { form: string; bare: boolean } | null {
    const label = ACTION_LABEL.exec(text.trim().replace(/^[\s*_]+/, ''));
    const rest = label?.[4]?.trim();
    if (!rest) return null;
    const ask = /^(?:ask|get)\s+(@?\p{Lu}[\p{L}\p{M}'’.-]*(?:\s*(?:&|\/|\+|,|\band\b)\s*@?\p{Lu}[\p{L}\p{M}'’.-]*){0,3})\s+to\s/iu.exec(rest);
    if (ask) return { form: ask[1]!, bare: false };
    const listed = listedOwner(rest);
    if (!listed) return null;
    // "Lee: sounds great", "Roman didn't read this as …": a name before a remark gives no task.
    if (listed.how === 'label' && !readsAsTask(listed.rest)) return null;
    if (listed.how === 'bare' && NOT_AN_ORDER.test(listed.rest)) return null;
    return { form: listed.form, bare: listed.how === 'bare' };
  }

  /** What follows a name in a report, not an order: "didn't", "was", "mentioned", "thinks". */
  const NOT_AN_ORDER = /^(?:\p{L}+ed|\p{L}+n(?:'|’)t|is|was|were|has|had|does|did|said|says|thinks?|feels?|sounds?|seems?|likes?|wants?|agrees?|notes?)\b/iu;

  /** Whether what follows an action label reads as a task ("AI: test the domain …"), not a remark ("Action items: need one more reviewer"). */
  function labelledTask(text: string): boolean {
    const rest = ACTION_LABEL.exec(text.trim().replace(/^[\s*_]+/, ''))?.[4]?.trim();
    return !!rest && readsAsTask(rest);
  }

  /** A turn that only accepts: "Yes.", "Can do.", "Sure, will do.", "I can do that." */
  const ACCEPTS =
    /^(?:(?:yes|yep|yeah|sure|ok(?:ay)?|absolutely|of\s+course|can\s+do|will\s+do|happy\s+to|i\s+can(?:\s+do\s+(?:that|it|this))?|i(?:'|’)ll\s+do\s+(?:that|it|this)|i\s+will)[\s!.,]*){1,3}$/i;
  /** A request put to one person: "Mukul, could you add …?", "would you be willing to fix it?". */
  const ASKS_TASK = new RegExp(
    String.raw`\b(?:would|could|can|will)\s+you\s+(?:please\s+|be\s+willing\s+to\s+|be\s+able\s+to\s+|take\s+an?\s+(?:ai|action(?:\s+item)?)\s+to\s+)?${VERB}[^?]*\?\s*$`,
    'i',
  );

  /** Whether a turn accepts a task the turn before asked of someone ("[a] could you fix it?" then "[b] Yes."). */
  function acceptsRequest(answer: string, question: string): boolean {
    return ACCEPTS.test(answer.trim()) && ASKS_TASK.test(question.trim());
  }

  /** Whether a text has any word a commitment needs (a cheap test before splitting it into sentences). */
  function mayCommit(text: string): boolean {
    return TRIGGER.test(text);
  }

  /**
   * The commitment a sentence makes, or null. `text` has its speaker label
   * removed; `spoken` when a speaker said it.
   */
  function actionCue(text: string, spoken: boolean): ActionCue | null {
    const t = text.trim().replace(/^[\s*_]+/, '');
    const label = ACTION_LABEL.exec(t);
    // A label that names its owner (`[ACTION - Dan] why did …?`) makes a task even of a question.
    const owned = label && (label[1] ?? label[2] ?? label[3])?.trim();
    if (owned && label[4]!.trim()) return { owner: 'named', form: owned, labelled: true };
    if (!t || !TRIGGER.test(t) || /\?\s*\S{0,3}$/.test(t.split(/;\s/)[0]!) || (/^[[(].*[\])]$/.test(t) && !TAKES_AI.test(t))) return null;
    if (label) {
      const rest = label[4]!.trim();
      if (!rest || /^(?:none|n\/?a|tbd|todo|-+|\.\.\.|…)\.?$/i.test(rest)) return null;
      const form = (label[1] ?? label[2] ?? label[3])?.trim();
      if (form) return { owner: 'named', form, labelled: true };
      const named =
        NAMED.exec(rest) ??
        /^(@?[\p{L}][\p{L}\p{M}'’.-]*(?:\s+[\p{Lu}][\p{L}\p{M}'’.-]*){0,2})\s*(?:,?\s+(?:will|to|is\s+going\s+to|plans?\s+to|should)\b|\s[-–—:]\s)/u.exec(
          rest,
        ) ??
        (/^#action\b/i.test(t) ? /^(@?[\w.-]+)\s/.exec(rest) : null);
      if (named && !/^(?:I|we|you|it|this|that|they|there)$/i.test(named[1]!)) return { owner: 'named', form: named[1]!, labelled: true };
      const trailing = /\(([\p{Lu}@][\p{L}\p{M}'’. &/,+-]{1,40})\)\s*\.?$/u.exec(rest);
      if (trailing) return { owner: 'named', form: trailing[1]!, labelled: true };
      return { owner: spoken ? 'self' : 'none', labelled: true };
    }
    const takes = TAKES_AI.exec(t);
    if (takes && !promiseHedged(t, takes)) {
      const named = /^(@?[\p{L}][\p{L}\p{M}'’.-]*(?:\s+[\p{Lu}][\p{L}\p{M}'’.-]*){0,2})\s+(?:\w+\s+)?$/u.exec(t.slice(0, takes.index));
      if (named && !/^(?:I|we|will|to|I['’](?:ll|m|d)|we['’](?:ll|re|d))$/i.test(named[1]!)) return { owner: 'named', form: named[1]!, labelled: true };
      if (spoken) return { owner: 'self', labelled: true };
    }
    // Speech as transcribed repeats itself ("I will I will do some more benchmarks"): read it once.
    const said = spoken ? t.replace(/\b(I(?:'|’)ll|I\s+will|I\s+can)\s+\1\b/gi, '$1') : t;
    const bare = spoken ? BARE.exec(said) : null;
    const self = (spoken && (SELF.exec(said) ?? (bare && !OTHER_SUBJECT.test(said.slice(0, bare.index)) ? bare : null))) || null;
    if (self && !promiseHedged(said, self)) return { owner: 'self', labelled: false };
    const named = NAMED.exec(t);
    if (named && !promiseHedged(t, named)) {
      const form = named[1]!;
      const verb = named[2]!.toLowerCase().replace(/\s+/g, ' ');
      if (/^(?:he|she)$/i.test(form)) return { owner: 'pronoun', labelled: false };
      if (/^(?:i|we|you|it|this|that|they|there)$/i.test(form)) return null;
      // "should" binds a group only: "The TSC should review …"; a person who "should" is advice.
      if (verb === 'should' && !/^the\s/i.test(t)) return null;
      return { owner: 'named', form, labelled: /volunteer|offer|agreed/.test(verb) };
    }
    const assigned = ASSIGNED.exec(t);
    if (assigned && !/^(?:It|This|That|They|We|He|She|The)$/.test(assigned[1]!) && !promiseHedged(t, assigned))
      return { owner: 'named', form: assigned[1]!, labelled: false };
    const mid = MID_NAMED.exec(t) ?? REPORTED.exec(t) ?? SUBJECT_AND_WILL.exec(t);
    // "They agreed that Tomasz would prepare a PR" restates, in a recap, a task listed elsewhere.
    if (mid && !/^(?:It|This|That|They|We|He|She|The|There|I|You)$/.test(mid[1]!) && !/\bagreed\s*$/.test(t.slice(0, mid.index)) && !promiseHedged(t, mid))
      return { owner: 'named', form: mid[1]!, labelled: false };
    const pronoun = PRONOUN.exec(t);
    if (pronoun && !promiseHedged(t, pronoun)) return { owner: 'pronoun', labelled: false };
    if (spoken && FORTHCOMING.test(t)) return { owner: 'self', labelled: false };
    return null;
  }

  /** A promise to share links or slides ("I'll post the link in a bit"): a follow-up even when it comes soon. */
  const SHARES_LINKS = /\b(?:post|share|put|drop|send|add|toss)\s+(?:\w+\s+){0,2}(?:links?|slides)\b/i;
  /** The part of NOT_A_PROMISE that says when, not whether ("in a bit"); a link put in the chat is still no follow-up. */
  const IN_THE_MEETING = /\bin\s+a\s+(?:moment|sec(?:ond)?|minute|bit)\b/gi;

  /** Whether a condition or the meeting itself governs the clause of a match ("if it grows too much" in a later clause does not). */
  function promiseHedged(t: string, m: RegExpExecArray): boolean {
    const before = t.slice(0, m.index);
    const start = Math.max(before.lastIndexOf(';'), before.lastIndexOf(': ')) + 1;
    const end = t.slice(m.index + m[0].length).search(/[,;:]\s|\s(?:and|but)\s+(?:if|then|when)\b/);
    const clause = t.slice(start, end < 0 ? t.length : m.index + m[0].length + end);
    return NOT_A_PROMISE.test(SHARES_LINKS.test(clause) ? clause.replace(IN_THE_MEETING, ' ') : clause);
  }

  /**
   * The owner an item in an action list names: `Stephen to …`, `Chris: Get back …`,
   * `Kate send out …`, `[Karen & Divya] Announce …`, `Shape up LTS (Chris Woods)`.
   */
  function listedOwner(text: string): { form: string; how: 'bracket' | 'named' | 'label' | 'bare'; rest: string } | null {
    const t = text.trim().replace(/^[\s*_]+/, '');
    // An action label is no owner: `AI: Grace to …` names Grace, `[ACTION - Dan] …` names Dan.
    const label = ACTION_LABEL.exec(t);
    if (label) {
      const form = (label[1] ?? label[2] ?? label[3])?.trim();
      const rest = label[4]!.trim();
      if (form) return { form, how: 'bracket', rest };
      return rest && rest !== t ? listedOwner(rest) : null;
    }
    const bracket = /^\[([^\]:]{1,40})\]\s*:?\s*/.exec(t) ?? /^@([\w-]+)(?![\w/.@-])\s*:?\s*/.exec(t);
    if (bracket) return { form: bracket[1]!, how: 'bracket', rest: t.slice(bracket[0].length) };
    const named = NAMED.exec(t);
    if (named) return { form: named[1]!, how: 'named', rest: t };
    const trailing = /\(([\p{Lu}@][\p{L}\p{M}'’. &/,+-]{1,40})\)\s*\.?$/u.exec(t);
    if (trailing && trailing.index > 0) return { form: trailing[1]!, how: 'bracket', rest: t.slice(0, trailing.index) };
    const colon = /^([\p{L}@][\p{L}\p{M}'’. &/+-]{0,40}?)\s*:\s+(?=\S)/u.exec(t);
    if (colon) return { form: colon[1]!, how: 'label', rest: t.slice(colon[0].length) };
    // "Kate send out the invite": a name only if the meeting knows it.
    const bare = /^(@?[\p{Lu}][\p{L}\p{M}'’.-]*(?:\s*(?:&|\/|\+|\band\b)\s*@?[\p{Lu}][\p{L}\p{M}'’.-]*){0,3})\s+(?=[\p{Ll}])/u.exec(t);
    if (bare) return { form: bare[1]!, how: 'bare', rest: t.slice(bare[0].length) };
    return null;
  }

  /** Whether a list item reads as a task: it opens with a verb of following up ("Reach out to Dan", "create an issue"). */
  function readsAsTask(text: string): boolean {
    return TASK.test(text.trim().replace(/^[\s*_]+/, ''));
  }

  const TASK = new RegExp(String.raw`^(?:(?:also|then|maybe|please)\s+)?${VERB}`, 'i');

  return { opensWithActionLabel, labelledOwnerForm, labelledTask, acceptsRequest, mayCommit, actionCue, listedOwner, readsAsTask };
}
