/**
 * The cue words of outcomes, tasks and dates as tables (regex fragments,
 * matched case-insensitively): part of the vocabulary (vocabulary.ts
 * re-exports them) so that a format can replace a table; the cue modules
 * (extract/decisions/cues.ts, extract/actions/cues.ts, extract/meta/dates.ts)
 * compile them into their forms.
 */

/** How notes record an outcome the group reached. */
export interface OutcomeWords {
  /** Word stems one of the outcome forms needs; a sentence with none states no decision (a cheap first test). */
  triggers: readonly string[];
  /** Outcome labels: `#agreed` tags, `Final decision:` (a qualifier, then a noun), `Resolved:` (a word on its own). */
  labels: { tags: readonly string[]; qualifiers: readonly string[]; nouns: readonly string[]; words: readonly string[] };
  /** The group as the subject of a decision verb (`we decided`, `the TSC agreed`). */
  groups: readonly string[];
  /** A reply after a question put to the group: words that say yes, and words that say there is no objection. */
  answers: { yes: readonly string[]; none: readonly string[] };
  /**
   * Consent by silence, as a chair says it in one turn: a call for objections
   * (`Anyone against that?`, `Any objections to including X?`), then, nobody
   * speaking up, an acknowledgement that moves on (`Okay.`, `Okay cool`,
   * `Hearing none`). `calls` and `acks` open their sentence; `others` are the
   * words of a call for any comment at all (`Any objections or other
   * thoughts?`), which is no call for objections; `onwards`, what a longer
   * acknowledgement goes on with when it carries the proposal on (`Okay,
   * let's get it merged then`).
   */
  silence: { calls: readonly string[]; acks: readonly string[]; others: readonly string[]; onwards: readonly string[] };
  /** The result a motion met (`Seconded. Passed.`, `Resolution: Carried`); `unseconded`, that it died unvoted. */
  motions: { results: readonly string[]; seconded: readonly string[]; unseconded: readonly string[] };
}

/** How notes record a task someone takes on. */
export interface TaskWords {
  /** Words one of the task forms needs (a cheap first test). */
  triggers: readonly string[];
  /** Verbs of following up, with the words some of them need after them to mean it. */
  verbs: readonly string[];
  /** Task labels: `#action`, `[AI]` / `[TODO - ana]` (bracketed), `Action items:` / `TODO(ana):` (words). */
  labels: { tags: readonly string[]; bracketed: readonly string[]; words: readonly string[] };
}

/** How notes write a calendar date in words. */
export interface DateWords {
  /** The twelve month names in order, each a fragment whose first three letters are its abbreviation. */
  months: readonly string[];
  /** Ordinal suffixes after a day (`5th`). */
  ordinals: readonly string[];
}

/** The default outcome words: English meeting notes. */
export const OUTCOME_WORDS: OutcomeWords = {
  triggers: [
    'motion',
    'support',
    String.raw`\ba\s+go\b`,
    'favou?r',
    String.raw`rfc\s*-?\d\b`,
    'decid',
    'determin',
    'appoint',
    'reject',
    'ratif',
    'reinstat',
    'establish',
    'elect',
    'decision',
    'agree',
    'resol',
    'conclu',
    'upshot',
    'congrat',
    'consensus',
    'objection',
    'oppos',
    'unanimous',
    'phase',
    'stage',
    'pass',
    'carri',
    'approv',
    'accept',
    'adopt',
    'outcome',
    'result',
    'verdict',
    'settled',
    'vote',
    'chose',
    'opted',
    'dissent',
    'none',
    'aim',
    'plan',
    'otherwise',
    'reschedul',
    'moved',
    'shifted',
    String.raw`we(?:'|’)ll`,
    String.raw`we\s+will`,
    String.raw`going\s+to`,
    String.raw`let(?:'|’)?s`,
  ],
  labels: {
    tags: ['agreed?', 'decided', 'decision', 'resolved', 'resolution'],
    qualifiers: ['tentative', 'provisional', 'preliminary', 'final', 'initial', 'group', 'team'],
    nouns: ['decisions?', 'resolutions?', 'outcomes?', 'conclusions?'],
    words: ['decided', 'resolved', 'agreed', 'agreements?', 'consensus', 'verdict', 'results?'],
  },
  groups: [
    'group',
    'team',
    'tsc',
    'cg',
    'sg',
    'wg',
    'subgroup',
    'sub-group',
    'committee',
    'council',
    'board',
    'room',
    'participants',
    'attendees',
    'members',
    'maintainers',
    'champions',
    'chairs',
    'co-chairs',
    'sig',
    'community',
  ],
  answers: {
    yes: ['yes', 'yep', 'agreed', String.raw`consensus(?:\s*:?\s*yes)?`, String.raw`unanimous(?:\s+consent)?`, String.raw`\+1\s*from\s+(?:all|everyone)`],
    none: [
      'no',
      'none',
      'nope',
      'nobody',
      String.raw`no\s+one`,
      String.raw`no\s+objections?`,
      String.raw`no\s+opposition`,
      String.raw`no\s+concerns?`,
      String.raw`no\s+comments?`,
      String.raw`none\s+opposed`,
    ],
  },
  silence: {
    calls: [
      String.raw`any(?:one|body)?\s+(?:here\s+)?(?:opposed|objects?|objections?|against|disagree)`,
      String.raw`(?:are\s+there\s+)?any\s+(?:objections?|opposition)`,
      String.raw`(?:does|do)\s+any(?:one|body)\s+(?:object|disagree|oppose)`,
      String.raw`(?:is\s+)?(?:any|every)(?:one|body)\s+(?:opposed|against)`,
      String.raw`objections?`,
    ],
    acks: [
      'okay',
      'ok',
      'cool',
      'great',
      'good',
      String.raw`alright`,
      String.raw`all\s+right`,
      String.raw`sounds\s+good`,
      'perfect',
      'excellent',
      'awesome',
      'sweet',
      String.raw`(?:hearing|seeing)\s+(?:none|nothing|no\s+objections?)`,
      String.raw`not\s+hearing\s+(?:any|anything)`,
    ],
    others: [String.raw`other\s+(?:thoughts|comments|questions|feedback|concerns)`, 'comments?', 'questions?', 'thoughts', 'feedback'],
    onwards: [
      String.raw`let(?:'|’)?s\s+(?:get|go|do|move|merge|include|ship|land|proceed|make|keep|add)`,
      String.raw`we\s+(?:can|will|(?:'|’)ll)\s+(?:move\s+(?:forward|ahead)|go\s+ahead|proceed|merge|include|ship|land|keep|add|do\s+that)`,
      String.raw`(?:so\s+)?(?:it(?:'|’)s|that(?:'|’)s)\s+(?:decided|agreed|settled|in)`,
      String.raw`then\s*[.!]?$`,
    ],
  },
  motions: {
    results: [String.raw`passe[sd]`, 'pass', 'carried', 'carries', 'rejected', 'failed', 'fails', 'defeated', 'postponed', 'approved', 'adopted', 'withdrawn'],
    seconded: [String.raw`seconded(?:\s+by\s+[\p{L}. ]{1,40})?`, String.raw`second(?:ed)?\s*(?:by|:)\s*[\p{L}. ]{1,40}`],
    unseconded: [String.raw`not\s+seconded`, String.raw`no\s+second`],
  },
};

/** The default task words: English meeting notes. */
export const TASK_WORDS: TaskWords = {
  triggers: [
    'will',
    'would',
    'decided',
    String.raw`(?:'|’)ll`,
    String.raw`going\s+to`,
    'plan',
    'should',
    String.raw`\bto\s`,
    'volunteer',
    'offer',
    'agree',
    'action',
    String.raw`\bAI\b`,
    'todo',
    'to-do',
    'follow',
    'forthcoming',
    'coming',
    'incoming',
    String.raw`\bcan\s`,
    'happy',
    'intend',
  ],
  verbs: [
    'file',
    'open',
    String.raw`write(?:\s+up)?`,
    'draft',
    'create',
    'submit',
    'send',
    'post',
    'publish',
    'upload',
    'update',
    String.raw`follow(?:\s+up)?`,
    String.raw`reach\s+out`,
    String.raw`ask(?!\s+you\b)`,
    'check',
    'double-check',
    String.raw`look\s+(?:into|at|for|over|through)`,
    'investigate',
    'review',
    // Not "start by saying …" nor "start with a quick update": how a turn opens, not a task.
    String.raw`start(?!\s+(?:off\s+)?by\s+(?:saying|talking|giving|going|introducing|explaining|mentioning|noting|asking|summari[sz]ing|recapping)\b|\s+(?:off\s+)?with\s+(?:(?:a|an|the|my|our)\s+)?(?:quick\s+|short\s+|brief\s+)?(?:update|question|summary|overview|intro(?:duction)?|recap|comment|note)s?\b)`,
    String.raw`begin\s+work`,
    String.raw`work\s+(?:on|with|through|out)`,
    'fix',
    'handle',
    'implement',
    'integrate',
    String.raw`try\s+(?:to|and)\s+\w+`,
    'try',
    'propose',
    'raise',
    'prepare',
    'schedule',
    String.raw`set\s+up`,
    String.raw`make\s+(?:sure|a\s+(?:pr|patch|issue|proposal|list|doc|draft|new|comment|note))`,
    'coordinate',
    'land',
    'merge',
    'document',
    'test',
    'contact',
    'ping',
    'e-?mail',
    'reply',
    'respond',
    'comment',
    'summari[sz]e',
    'bring',
    'dig',
    'experiment',
    'prototype',
    'benchmark',
    'measure',
    'port',
    'rebase',
    'release',
    'bump',
    'migrate',
    String.raw`move(?!\s+(?:on|along|ahead|forward)\b)`,
    'rename',
    'remove',
    'change',
    'find',
    'organi[sz]e',
    'host',
    'champion',
    String.raw`knock\s+on`,
    'circulate',
    'collect',
    'gather',
    String.raw`figure\s+out`,
    String.raw`sort\s+out`,
    String.raw`clean\s+up`,
    'close',
    'triage',
    'assign',
    'nominate',
    'invite',
    'notify',
    'announce',
    'tag',
    'cut',
    String.raw`push(?!\s+back)`,
    'upstream',
    'backport',
    'verify',
    'confirm',
    'keep',
    'finish',
    'complete',
    'run',
    'build',
    'sync',
    String.raw`loop\s+in`,
    String.raw`pick\s+up`,
    String.raw`spin\s+up`,
    String.raw`think\s+about`,
    'consider',
    'explore',
    'evaluate',
    'resolve',
    'address',
    'report',
    'capture',
    String.raw`put\s+(?:up|together|(?:some|the|a|a\s+few)\s+links?|(?:it|that|this|them|something)\s+(?:on|in|into|up|together))`,
    String.raw`get\s+(?:everything|a|an|the|back|in\s+touch|that|this|it|those|feedback|something)`,
    String.raw`take\s+(?:a\s+look|an?\s+(?:ai|action)|it|this|that|on|care|ownership|over)`,
    String.raw`talk\s+(?:to|with|about)`,
    String.raw`let\s+(?:\w+\s+){1,2}know`,
    String.raw`share\s+(?:it|this|that|them|the|some|more|a|an|my\s+(?:notes|slides|doc))`,
    '(?:re-?)?add',
    'contribute',
    'arrange',
    'transfer',
    String.raw`pair\s+(?:on|with|up)`,
    String.raw`read\s+(?:through|up|over)`,
    'record',
    'notify',
    String.raw`take\s+the\s+lead`,
    String.raw`lead\s+(?:the|on)`,
    'help',
    'own',
    'drive',
    'improve',
    'clarify',
    'define',
    'edit',
    'track',
    'promote',
    'research',
    'identify',
    'ensure',
    'request',
    'outline',
    'discuss',
    'decide',
    'socialize',
    'socialise',
    String.raw`shape\s+up`,
    'revisit',
    'split',
    'convert',
    'rewrite',
    'refactor',
    'extend',
    'enable',
    'disable',
    'deprecate',
    'pursue',
    'spec',
    'specify',
    String.raw`present\s+(?:at|next|this|the\s+next|it|that)`,
    String.raw`give\s+(?:a|an)\s+(?:update|talk|presentation|demo)`,
    String.raw`do\s+(?:a|an|the|that|this|it|some|more)\b`,
    String.raw`see\s+(?:if|whether|what|how|about)`,
    String.raw`go\s+(?:ahead|through|over)`,
    String.raw`be\s+(?!going\b|doing\b|having\b|talking\b|giving\b|presenting\b|out\b|away\b|absent\b|interested\b|happy\b|back\b|on\b|off\b|gone\b)[a-z]+ing`,
  ],
  labels: {
    tags: ['action'],
    bracketed: [String.raw`action(?:\s+items?)?`, 'AI', 'TODO'],
    words: ['AI', String.raw`A\.I\.`, String.raw`ACTION(?:\s+ITEMS?)?`, String.raw`action(?:\s+items?)?`, 'TODO', 'to-?do', 'follow[- ]?ups?'],
  },
};

/** The default date words: English month names. */
export const DATE_WORDS: DateWords = {
  months: [
    'jan(?:uary)?',
    'feb(?:ruary)?',
    'mar(?:ch)?',
    'apr(?:il)?',
    'may',
    'june?',
    'july?',
    'aug(?:ust)?',
    'sept?(?:ember)?',
    'oct(?:ober)?',
    'nov(?:ember)?',
    'dec(?:ember)?',
  ],
  ordinals: ['st', 'nd', 'rd', 'th'],
};

/**
 * How notes write a group rather than a person, so that a speaker label or a
 * name that is a team, a client, a company or a committee is no one's name.
 */
export interface GroupWords {
  /** The last word of a group's name (`Policy Subcommittee`, `Acme Labs`, `IBM Research`): no person's name ends so. */
  heads: readonly string[];
  /** Words written right after a group's name (`the Lighthouse team`, `Geth client`, `Prysm devs`): no person is written so. */
  after: readonly string[];
}

/** The default group words: English. */
export const GROUP_WORDS: GroupWords = {
  heads: [
    'committee',
    'subcommittee',
    'council',
    'board',
    'foundation',
    'consortium',
    'institute',
    'university',
    'research',
    'labs',
    'inc',
    'llc',
    'ltd',
    'gmbh',
    'corp',
    'corporation',
    'company',
    'group',
    'team',
    'taskforce',
    'task force',
    'working group',
    'community group',
  ],
  after: ['team', 'teams', 'client', 'clients', 'devs', 'developers', 'engineers', 'folks', 'maintainers', 'org', 'organi[sz]ation', 'company', 'project'],
};

/**
 * How notes give a thing another of its names: the one it had before
 * (`extensions (formerly shapes)`, `renamed from …`), one it goes by besides
 * (`also known as …`), or the effort it came out of (`Output from Declarative
 * macro repetition counts project`). Retrieval follows the other name from a
 * discussion of the thing to the meetings that used it.
 */
export interface NameWords {
  /** Cues a name follows directly (regex fragments). */
  cues: readonly string[];
  /** Cues whose name must end with a kind of effort (`kinds`): what follows "output of" is seldom a name otherwise. */
  kindCues: readonly string[];
  /** Words that end a name as the kind of effort it was (`… project`, `… working group`); taken off the name. */
  kinds: readonly string[];
  /** Words that end a name where a clause goes on (`…, which`, `… but`). */
  stops: readonly string[];
}

/** The default name words: English. */
export const NAME_WORDS: NameWords = {
  cues: [
    String.raw`formerly(?:\s+(?:known\s+as|called|named))?`,
    String.raw`previously\s+(?:known\s+as|called|named)`,
    String.raw`originally\s+(?:known\s+as|called|named)`,
    String.raw`renamed\s+(?:from|to)`,
    String.raw`also\s+(?:known\s+as|called)`,
    String.raw`a\.k\.a\.?`,
    'aka',
    String.raw`successor\s+(?:to|of)`,
  ],
  kindCues: [String.raw`output\s+(?:from|of)`, String.raw`outcome\s+of`, String.raw`(?:grew|came|spun)\s+out\s+of`, String.raw`spun\s+off\s+(?:from|of)`],
  kinds: ['project', 'working\\s+group', 'wg', 'task\\s*force', 'initiative', 'effort', 'subgroup', 'sig', 'group', 'proposal'],
  stops: ['and', 'but', 'which', 'that', 'who', 'because', 'since', 'where', 'when', 'is', 'was', 'are', 'were', 'has', 'had', 'to', 'for', 'in', 'on', 'with'],
};
