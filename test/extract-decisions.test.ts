import { describe, expect, test } from 'vitest';
import { emptyConfig } from '../ingest/read/config.js';
import { extractMeeting } from '../ingest/extract/extract.js';
import { parseNote } from '../ingest/parse/parse.js';
import { decodeNote } from '../ingest/read/read.js';
import type { MeetingRecord } from '../ingest/types.js';

const meeting = (text: string, path = 'team/2026/team-03-04.md'): MeetingRecord => {
  const r = decodeNote(Buffer.from(text), path, 'test');
  if (!r.ok) throw new Error(r.message.reason);
  return extractMeeting(parseNote(r.file), emptyConfig());
};

const NOTES = '# Team sync March 4\n\n## Attendees\n\n- Rosa Diaz\n- Omar Little\n- Wen Zhao\n\n## Notes\n\n';

/** Each decision as [first line, last line]. */
const spans = (m: MeetingRecord) => m.decisions.map((d) => [d.startLine, d.endLine]);

describe('extractDecisions: explicit forms', () => {
  test('a "Decision:" label, with the line it stands on', () => {
    const m = meeting(`${NOTES}### Release train\n\nRosa: the branch is cut on Mondays.\n\nDecision: ship the 2.0 branch next Tuesday.\n`);
    expect(m.decisions).toHaveLength(1);
    expect(m.decisions[0]).toMatchObject({
      text: 'Decision: ship the 2.0 branch next Tuesday.',
      startLine: 15,
      endLine: 15,
      section: 'Team sync March 4 › Notes › Release train',
      topics: ['Release train'],
    });
  });

  test('"we decided" and "the group agreed" as the group, not one person agreeing', () => {
    const m = meeting(
      `${NOTES}- Rosa: we decided to drop the nightly builds.\n- The group agreed that docs move to the new site.\n- Omar agreed to look at the flaky test.\n- Wen: I agree with Omar.\n`,
    );
    expect(spans(m)).toEqual([
      [11, 11],
      [12, 12],
    ]);
  });

  test('two decisions on one line are two items', () => {
    const m = meeting(`${NOTES}Rosa and Omar discussed the release, deciding to skip the beta. They agreed that the next version is 3.0.\n`);
    expect(m.decisions.map((d) => d.text)).toEqual([
      'Rosa and Omar discussed the release, deciding to skip the beta.',
      'They agreed that the next version is 3.0.',
    ]);
  });

  test('consensus, general agreement and no objections', () => {
    const m = meeting(
      `${NOTES}- Should we rename the CLI flag? (consensus: yes)\n- Wen: proposal to keep the old name as an alias. General agreement.\n- Omar: as there are no objections, will merge the patch\n`,
    );
    expect(spans(m)).toEqual([
      [11, 11],
      [12, 12],
      [13, 13],
    ]);
  });

  test('"In conclusion" states the outcome', () => {
    const m = meeting(`${NOTES}Wen: In conclusion there are two tracks: caching the images and a policy for old systems.\n`);
    expect(m.decisions).toHaveLength(1);
  });

  test('a phase advancement and unanimous consent', () => {
    const m = meeting(`${NOTES}The tail-call proposal moves to phase 3.\n\nOmar: unanimous consent to merge the spec text.\n`);
    expect(spans(m)).toEqual([
      [11, 11],
      [13, 13],
    ]);
  });

  test('a plan stated as the group\'s: "we\'ll change …"', () => {
    const m = meeting(
      `${NOTES}Rosa: I'll write it down: we'll change the package names to carry a prefix, and then if someone complains we can point at the docs.\n`,
    );
    expect(m.decisions).toHaveLength(1);
    expect(m.decisions[0]!.startLine).toBe(11);
  });

  test('W3C and meeting-bot forms: "RESOLVED:", "#agreed"', () => {
    const m = meeting(`${NOTES}RESOLVED: publish the first draft\n\n#agreed the release slips a week\n`);
    expect(spans(m)).toEqual([
      [11, 11],
      [13, 13],
    ]);
  });

  test('a table with a Decision column', () => {
    const m = meeting(`${NOTES}| Topic | Decision |\n| - | - |\n| Flags | Keep the short form |\n| Docs | |\n`);
    expect(m.decisions.map((d) => [d.startLine, d.text])).toEqual([[13, 'Keep the short form']]);
  });

  test('items of a section headed Decisions or Outcome are decisions', () => {
    const m = meeting(`${NOTES}## Decisions\n\n- Move the meeting to Thursdays.\n- Archive the old repository.\n\n## Outcome\n\nNone\n`);
    expect(spans(m)).toEqual([
      [13, 13],
      [14, 14],
    ]);
  });
});

describe('extractDecisions: polls, votes and settled questions', () => {
  test('a poll with its SF F N A SA table spans from the poll to the tally', () => {
    const m = meeting(
      `${NOTES}#### POLL: Rename the proposal\n\nShould the proposal be renamed to "stack switching"?\n\n| SF | F | N | A | SA |\n| - | - | - | - | - |\n| 9 | 4 | 2 | 0 | 0 |\n\nRosa: thanks all.\n`,
    );
    expect(spans(m)).toEqual([[11, 17]]);
    expect(m.decisions[0]!.text).toContain('SF 9');
  });

  test('a poll that was not taken is no decision', () => {
    const m = meeting(
      `${NOTES}##### Poll: Phase 1?\n\nWen: out of time, we continue next week.\n\n##### Potential poll: should we make the change? (skipped due to lack of time)\n`,
    );
    expect(m.decisions).toEqual([]);
  });

  test('a poll settled by unanimous consent later in its section', () => {
    const m = meeting(
      `${NOTES}#### POLL: Subgroup charter\n\nRosa: Any concerns over the charter?\n\nOmar: Nothing controversial.\n\nRosa: Unanimous consent\n`,
    );
    expect(spans(m)).toEqual([[11, 17]]);
  });

  test('a question the reply settles: "Anyone opposed?" / "[no]", "Should we?" / "yes"', () => {
    const m = meeting(
      `${NOTES}Rosa: anyone opposed to landing the PR once the rename is done?\n\n<No objections>\n\n- Omar: should we delete the old tests in one PR?\n  - yes\n`,
    );
    expect(spans(m)).toEqual([
      [11, 13],
      [15, 16],
    ]);
  });

  test('"no objections" said after a statement is one voice, not the group\'s', () => {
    const m = meeting(`${NOTES}Wen: I think waiting two weeks changes nothing.\n\nOmar: no objections\n`);
    expect(m.decisions).toEqual([]);
  });
});

describe('extractDecisions: what is not a decision', () => {
  test('proposals, opinions and open questions', () => {
    const m = meeting(
      `${NOTES}- Rosa: I propose we move the meeting to Fridays.\n- Omar: I think we should rewrite the parser.\n- Wen: do we have consensus on the schema?\n- We need consensus before we move to phase 2.\n- If we decided to drop it, who would tell users?\n`,
    );
    expect(m.decisions).toEqual([]);
  });

  test("boilerplate: the agenda, last meeting's notes, polls listed on the agenda", () => {
    const m = meeting(
      `# Meeting\n\n## Agenda\n\n1. Poll: phase 2 for the widget proposal\n1. Adoption of the agenda\n\n## Notes\n\nThe group reviewed the agenda and a final agenda was agreed upon.\n\nAnnounce that the meeting will be recorded as agreed upon in the first meeting.\n`,
    );
    expect(m.decisions).toEqual([]);
  });

  test('negated and reported agreement', () => {
    const m = meeting(
      `${NOTES}- That doesn't sound like consensus to me.\n- We agreed we want a better tracker, but not about how.\n- The examples you gave are things we voted on years ago.\n- When I run it alone, it passes.\n`,
    );
    expect(m.decisions).toEqual([]);
  });
});

describe('extractDecisions: people, refs and topics', () => {
  test('the stater first, then who spoke in that discussion; the references of the discussion', () => {
    const m = meeting(
      `${NOTES}### Flag names\n\nWen: see https://github.com/acme/tool/issues/12 for the options.\n\nOmar: I prefer the short one.\n\nRosa: we decided to use the short flag.\n`,
    );
    expect(m.decisions).toHaveLength(1);
    const d = m.decisions[0]!;
    expect(d.people.map((i) => m.people[i]!.name)).toEqual(['Rosa Diaz', 'Wen Zhao', 'Omar Little']);
    expect(d.refs).toEqual(['acme/tool#12']);
    expect(d.topics).toEqual(['Flag names']);
  });
});

describe('recalled outcomes of earlier meetings', () => {
  test('are not this meeting’s decisions; minutes kept under agenda headings are', async () => {
    const { parseNote } = await import('../ingest/parse/parse.js');
    const { extractMeeting } = await import('../ingest/extract/extract.js');
    const { emptyConfig } = await import('../ingest/read/config.js');
    const { decodeNote } = await import('../ingest/read/read.js');
    const text = '# Minutes\n\n## Agenda\n\n### Caching\n\n* Ada: we agreed last time to keep the cache.\n* Consensus was to drop the old flag.\n';
    const read = decodeNote(Buffer.from(text), 'team/2024/x.md', 't');
    if (!read.ok) throw new Error(read.message.reason);
    const m = extractMeeting(parseNote(read.file), emptyConfig());
    expect(m.decisions.map((d) => d.startLine)).toEqual([8]);
  });
});

describe('extractDecisions: transcripts', () => {
  test('a Transcript section holding only a link ends at the next heading; a transcript note is its own record', () => {
    const linked = meeting(
      '# Tools call\n\n## Transcript\n\nhttps://chat.example.org/archive/7\n\n## Topics\n\n### Flag names\n\n**Resolution:** we keep the short flag.\n',
    );
    expect(spans(linked)).toEqual([[11, 11]]);
    const chat = meeting(
      '# Tools call transcript\n\n**rosa:** the short flag reads better\n\n**omar:** agreed\n\n**rosa:** Okay, we have decided to keep the short flag.\n',
    );
    expect(spans(chat)).toEqual([[7, 7]]);
  });

  test('a transcript pasted under the notes stays talk', () => {
    const m = meeting(`${NOTES}Nothing settled.\n\n## Transcript\n\nRosa: we decided to drop the nightly builds.\n`);
    expect(m.decisions).toEqual([]);
  });
});

describe('extractDecisions: outcome blocks opened by a label paragraph', () => {
  test('`**Conclusion**` on its own line opens a block up to the next heading; reactions are not outcomes', () => {
    const m = meeting(
      `${NOTES}### Flag names\n\nWen: the long form is clearer.\n\n**Conclusion**\n\nKeep both forms, short one documented first.\n\n### Docs\n\n**Resolution:**\n\n* Move the docs to the new site.\n* :+1: @rosa, @omar\n\n### Triage\n\n**Status:** nothing new.\n`,
    );
    expect(spans(m)).toEqual([
      [17, 17],
      [23, 23],
    ]);
  });

  test('"we\'ve decided" is the group deciding', () => {
    const m = meeting(`${NOTES}Rosa: Okay, we've decided not to ship the beta.\n`);
    expect(spans(m)).toEqual([[11, 11]]);
  });
});

describe('extractDecisions: rulings, motions and HTML minutes', () => {
  test('a body ruling, a subjectless ruling in the minutes\' voice, "it was decided"', () => {
    const m = meeting(
      `${NOTES}- The Tools Council accepted RFC 12 (lazy loading).\n- Approved Wen as release manager for 3.1.\n- The group discussed the logo and it was decided that Omar picks the colours.\n- Nothing was decided about the venue.\n- Omar: Adopted the new linter in our fork.\n- They accepted my patch last year.\n`,
    );
    expect(spans(m)).toEqual([
      [11, 11],
      [12, 12],
      [13, 13],
    ]);
  });

  test('a motion with its result; a motion not seconded is none', () => {
    const m = meeting(
      `${NOTES}Motion: move the budget review to March.\nSeconded, passed.\n\nMotion: buy new laptops (not seconded)\n\n### Motion #4\n\nText: Renew the hosting contract.\n\nResolution: Postponed to next meeting.\n`,
    );
    expect(spans(m)).toEqual([
      [11, 12],
      [16, 20],
    ]);
  });

  test('HTML written in the markdown gives headings, paragraphs and items', () => {
    const m = meeting(
      '<h1>Board minutes</h1>\n<h2>Motions</h2>\n<h3>Motion #1</h3>\n<p>Text: Approve the partnership with the library.</p>\n<p>Resolution: Passed.</p>\n<h3>Update #1</h3>\n<p>Text: Talked to sponsors.</p>\n<p>Resolution: Not Applicable.</p>\n',
    );
    expect(spans(m)).toEqual([[3, 5]]);
    expect(m.decisions[0]!.text).toContain('Approve the partnership');
  });

  test('items nested under an outcome item detail it', () => {
    const m = meeting(
      `${NOTES}## Resolutions\n\n* Escalation path\n  * coordinators go to the lead first\n  * the lead goes to the board\n* passes: keep the Tuesday slot\n`,
    );
    expect(spans(m)).toEqual([
      [13, 13],
      [16, 16],
    ]);
  });
});

describe('extractDecisions: summary tables, headings that ask, label items', () => {
  test('a summary table row states an outcome by its words; a row that only reports is none', () => {
    const m = meeting(
      `${NOTES}| Item | Summary |\n| - | - |\n| 1 | We agreed to cancel the testing call next week. |\n| 2 | Client teams shared their status. |\n| 3 | There was general support to rebase the branch. |\n`,
    );
    expect(spans(m)).toEqual([
      [13, 13],
      [15, 15],
    ]);
  });

  test('a heading that asks for objections, settled by the first reply; a conditional "no objection" is none', () => {
    const m = meeting(
      `${NOTES}### any objections to merging the changelog PR\n\n- no, go ahead\n\n### Release\n\n- Rosa: if there is no objection, we can merge it soon\n`,
    );
    expect(spans(m)).toEqual([[11, 13]]);
  });

  test('"* Conclusion:" with items under it is one outcome; "Consensus from others that …"', () => {
    const m = meeting(
      `${NOTES}* Range syntax\n    * Conclusion:\n        * Land under a gate\n        * Write an RFC for the syntax\n* Wen: is the name clear?\n    * Consensus from others that the name is right.\n`,
    );
    expect(spans(m)).toEqual([
      [12, 14],
      [16, 16],
    ]);
  });
});

describe('extractDecisions: qualified labels and stage moves', () => {
  test('"Tentative decision:", "Moved from RFC0 to RFC1"; "we\'ll keep going" is meeting flow', () => {
    const m = meeting(
      `${NOTES}- Wen: Tentative decision: one namespace for experimental APIs.\n- Moved from RFC0 to RFC1\n- Rosa: ok, we'll keep going. Demo time!\n- We might move to stage 2 next year.\n`,
    );
    expect(spans(m)).toEqual([
      [11, 11],
      [12, 12],
    ]);
  });
});

describe('extractDecisions: one outcome per conclusion block', () => {
  test('the discussion before a Conclusion restates it; a block that settles nothing is none', () => {
    const m = meeting(
      `${NOTES}### Flags\n\nThe team agreed the long form needs more thought.\n\n#### Conclusion\n\nKeep the short form only.\n\n### Fences\n\n**Conclusion**\n\nWe're mixed on fences. More debate is needed.\n`,
    );
    expect(spans(m)).toEqual([[17, 17]]);
  });

  test('a result label naming someone\'s task is no outcome; "universally in favor" is; a ruling is not undone by a later condition', () => {
    const m = meeting(
      `${NOTES}- Result: glazou will file an issue to track this.\n- Overall, the group is universally in favor of the feature.\n- We reinstated the old limit after users asked, if they wanted it back.\n- In previous meetings we agreed that the manifest is the start.\n`,
    );
    expect(spans(m)).toEqual([
      [12, 12],
      [13, 13],
    ]);
  });
});

describe('extractDecisions: votes told by their result', () => {
  test('"the name with the most votes was …", "It is a go!", a qualified outcome heading', () => {
    const m = meeting(
      `${NOTES}Of the names proposed, the one with the highest number of votes was "Juniper".\n\nRosa: Opposed to landing the RFC?\n\nIt is a go!\n\n### Miscellaneous conclusions\n\nLong strings need a closing fence.\n`,
    );
    expect(spans(m)).toEqual([
      [11, 11],
      [15, 15],
      [19, 19],
    ]);
  });
});

describe('extractDecisions: labels naming a task, stage options', () => {
  test('"Resolution: X will …" records an outcome, "Result: X will file …" a task; an option or a past advance is no decision', () => {
    const m = meeting(
      `${NOTES}- Resolution: @rosa will do the release.\n- Result: omar will file an issue to track this.\n- Options: advance to RFC1, or reject.\n- Advanced to RFC 2 last month.\n- Moves forward to RFC1.\n`,
    );
    expect(spans(m)).toEqual([
      [11, 11],
      [15, 15],
    ]);
  });
});

describe('extractDecisions: conditions told after a group decision', () => {
  test('"it was decided X would ask … if …" and "and decided no further action" are decisions; "if we decided" is not', () => {
    const m = meeting(
      `${NOTES}- The council discussed the docs and it was decided Wen would ask Omar to review the new pages and see if he can help.\n- The council discussed the fork and decided no further action was needed.\n- If we decided to drop it, who would tell users?\n`,
    );
    expect(spans(m)).toEqual([
      [11, 11],
      [12, 12],
    ]);
  });
});

describe('extractDecisions: summaries in the third person, calls for objections', () => {
  test('"developers agreed" and "client teams are aiming to" are the group; one person planning is not', () => {
    const m = meeting(
      `${NOTES}| # | Summary |\n| - | - |\n| 1 | **Testnets** Client teams are aiming to fork the staging net next Wednesday. |\n| 2 | Developers agreed to drop the legacy header field. |\n| 3 | Omar plans to benchmark the new codec. Developers asked whether the field is still read. Rosa recommended that client teams aim to upgrade early. |\n`,
    );
    expect(spans(m)).toEqual([
      [13, 13],
      [14, 14],
    ]);
  });

  test('a call for objections with its default is the consent; one without a default is not', () => {
    const m = meeting(
      `${NOTES}- Rosa: anyone opposed to the rename otherwise we can go ahead and merge it today\n- Wen: anyone opposed to the rename, I am not sure yet\n`,
    );
    expect(spans(m)).toEqual([[11, 11]]);
  });
});

describe('extractDecisions: check marks and plans', () => {
  test('a check mark under a proposal accepts it; under a task it only says done', () => {
    const m = meeting(
      `${NOTES}### Small fixes\n\n- [PR 41: typo in the grammar](https://example.org/pr/41)\n  - ✅\n- [PR 42: new keyword](https://example.org/pr/42)\n  - needs another look\n\n### Previous action items\n\n- [Rosa] Draft the release post\n  - ✅\n`,
    );
    expect(spans(m)).toEqual([[13, 14]]);
  });

  test('each step of a plan label is a decision; a weekly "plan for this week" is not', () => {
    const m = meeting(
      `${NOTES}- **Plan for moving the docs site**\n  - export the pages to markdown\n  - switch the DNS in May\n  - should we keep the blog?\n- Plan for this week\n  - Wen: fix the login bug\n\nThe plan:\n- keep the old URLs as redirects\n`,
    );
    expect(spans(m)).toEqual([
      [12, 12],
      [13, 13],
      [19, 19],
    ]);
  });
});

describe('extractDecisions: a question split into answered parts', () => {
  test('"should we …:" with parts answered in brackets is one decision; unanswered parts or a plain list are not', () => {
    const m = meeting(
      `${NOTES}- should we cache the index:\n  - only on the server? (yes for now)\n  - for every tenant? (yes)\n  - or in the browser too?\n- should we also log misses:\n  - maybe later\n- what does the cache hold:\n  - only ids? (yes)\n`,
    );
    expect(spans(m)).toEqual([[12, 13]]);
  });
});

describe('extractDecisions: the meeting time changed', () => {
  test('a meeting moved is a decision; a meeting cancelled or a topic moved is not', () => {
    const m = meeting(
      `${NOTES}- PSA: this meeting is being moved to Thursdays, 15:00 UTC.\n- The meeting was cancelled last week for the holiday.\n- Wen moved the parser topic to the next agenda.\n`,
    );
    expect(spans(m)).toEqual([[11, 11]]);
  });
});

describe('extractDecisions: a ruling body in narrative updates', () => {
  test('"discussed … and settled on", "the SC agrees", "the decision was to" with a condition inside what was decided', () => {
    const m = meeting(
      `${NOTES}- The council discussed the survey and settled on sending it in May.\n- The SC agrees the working group should define the scope first.\n- The SC's decision was to update the glossary entry, to say it is an implementation detail whether the check runs and that it is not enforced.\n- Rosa discussed the survey and said she agrees with Omar.\n- The SC agrees with the proposal's direction in general.\n- LW agrees the fix is small.\n- No decision was made on the naming.\n- Nominees are listed and the TSC decides who is awarded.\n`,
    );
    expect(spans(m)).toEqual([
      [11, 11],
      [12, 12],
      [13, 13],
    ]);
  });
});

describe('extractDecisions: an outcome dated to an earlier month', () => {
  test('"X (May 2024) has general consensus" reports an old outcome; undated it is this meeting\'s', () => {
    const m = meeting(`${NOTES}- The new error format (May 2024) has general consensus.\n- The new error format has general consensus.\n`);
    expect(spans(m)).toEqual([[12, 12]]);
  });
});

describe('extractDecisions: consent, motions and recalled outcomes (issue 14)', () => {
  test('consent by silence in one turn: the proposal, a call for objections, then "Okay." — not a call for any comment, nor an "Okay" that moves to something else', () => {
    const m = meeting(
      `${NOTES}**Rosa**\n* I would lean towards just shipping the parser rewrite in 2.1. So we keep the old one behind a flag. Anyone against that. Okay.\n\n**Omar**\n* Any objections to dropping Node 16? Okay cool.\n\n**Wen**\n* Does that make sense to people? Any objections or other thoughts? Okay.\n\n**Rosa**\n* The docs moved last week. Any concerns? Okay so next is the release schedule, Wen, you had slides.\n`,
    );
    expect(spans(m)).toEqual([
      [12, 12],
      [15, 15],
    ]);
    expect(m.decisions[0]!.text).toContain('shipping the parser rewrite in 2.1');
  });

  test('a motion with its result on its own line, and one on a later line of the discussion it closes; one not seconded is none', () => {
    const m = meeting(
      `${NOTES}### Budget\n\nMotion: approve the travel budget. Seconded, passed.\n\n### Fellowship\n\nRD: a fellow wants to run workshops with us.\nMotion: go forward with the collaboration. Seconded. Passed.\n\n### Logo\n\nMotion: adopt the new logo. Not seconded.\n`,
    );
    expect(spans(m)).toEqual([
      [13, 13],
      [18, 18],
    ]);
    expect(m.decisions[1]!.text).toBe('Motion: go forward with the collaboration. Seconded. Passed.');
  });

  test('"let\'s go ahead and <do it>" is a plan; "let\'s go ahead and get started" is how the meeting goes on', () => {
    const m = meeting(`${NOTES}- Let's go ahead and get started.\n- Given that lessons have it, let's go ahead and make this an option for workshops.\n`);
    expect(spans(m)).toEqual([[12, 12]]);
  });

  test("an outcome recalled from before is not this meeting's decision", () => {
    const m = meeting(
      `${NOTES}- We've decided before against including a rule for that.\n- This comes from the old linter, but we have decided not to drop its rules before.\n- When we added the typed arrays we decided that wrapping is right.\n- We decided to keep the typed arrays as they are.\n`,
    );
    expect(spans(m)).toEqual([[14, 14]]);
  });

  test('"SC reviewed PEP 642 (Explicit Pattern Syntax), and decided to reject it" is the body\'s; "Ana reviewed it and agreed to …" is hers', () => {
    const m = meeting(
      `${NOTES}- SC reviewed PEP 642 (Explicit Pattern Syntax for Pattern Matching), and decided to reject it.\n- The Steering Council discussed PEP 690 (Lazy Imports) and decided to reject it.\n- Rosa reviewed the draft (Parser Notes) and agreed to send comments.\n`,
    );
    expect(spans(m)).toEqual([
      [11, 11],
      [12, 12],
    ]);
  });
});
