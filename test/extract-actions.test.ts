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

/** Each action item as [first line, owner's name or group]. */
const items = (m: MeetingRecord) => m.actionItems.map((a) => [a.startLine, a.owner !== null ? m.people[a.owner]!.name : (a.ownerGroup ?? null)]);
/** Each action item as [first line, every owner's name]. */
const owners = (m: MeetingRecord) => m.actionItems.map((a) => [a.startLine, a.owners.map((o) => m.people[o]!.name)]);

describe('extractActionItems: labels and lists', () => {
  test('"AI[XX]:", "**Action:** X will …", "ACTION: X to …"', () => {
    const m = meeting(
      `${NOTES}AI[RD]: talk to the lawyers about licenses\n\n**Action:** Omar will, now that the draft is up, review it.\n\nACTION: Wen to update the README.\n`.replace(
        '- Rosa Diaz',
        '- Rosa Diaz (RD)',
      ),
    );
    expect(items(m)).toEqual([
      [11, 'Rosa Diaz'],
      [13, 'Omar Little'],
      [15, 'Wen Zhao'],
    ]);
  });

  test('an "Action items" section: named owners, checkboxes, owners in brackets or at the end, nested tasks', () => {
    const m = meeting(
      `${NOTES}Rosa: thanks all.\n\n## Action Items\n\n* [ ] Omar to draft the release notes\n* [ ] Wen: create an issue for the flaky test\n* [Rosa & Wen] Announce the next meeting on the forum\n* [ ] Shape up the roadmap (Omar)\n* [ ] Rosa / Omar: Improve the onboarding\n  * [ ] Reach out to the docs team\n`,
    );
    expect(owners(m)).toEqual([
      [15, ['Omar Little']],
      [16, ['Wen Zhao']],
      [17, ['Rosa Diaz', 'Wen Zhao']],
      [18, ['Omar Little']],
      [19, ['Rosa Diaz', 'Omar Little']],
      [20, ['Rosa Diaz', 'Omar Little']],
    ]);
    expect(items(m)[2]).toEqual([17, 'Rosa Diaz']);
  });

  test('meeting-bot and W3C forms: "#action nick …", "ACTION: name - …"', () => {
    const m = meeting(`${NOTES}#action wen to update the wiki\n\nACTION: Omar - file a bug about the crash\n`);
    expect(items(m)).toEqual([
      [11, 'Wen Zhao'],
      [13, 'Omar Little'],
    ]);
  });

  test('a table with an owner column and a task column; an owner the notes name nowhere else is added', () => {
    const m = meeting(`${NOTES}| Owner | Action |\n| - | - |\n| Rosa | Draft the charter |\n| Priya | Book the room |\n| Omar | |\n`);
    expect(items(m)).toEqual([
      [13, 'Rosa Diaz'],
      [14, 'Priya'],
    ]);
  });

  test('"Next steps" with "X to …" bullets', () => {
    const m = meeting(`# Summary\n\n## Next steps\n- Rosa to prepare a PR for the time origin.\n- Omar to consider moving the checks into a separate job.\n`);
    expect(m.actionItems.map((a) => [a.startLine, a.text])).toEqual([
      [4, 'Rosa to prepare a PR for the time origin.'],
      [5, 'Omar to consider moving the checks into a separate job.'],
    ]);
  });

  test('placeholders, bare links and unowned tasks in an action section are not items', () => {
    const m = meeting(
      `${NOTES}## Action Items\n\n* https://github.com/acme/tool/issues/12\n* [ ] TODO\n* [ ] Build the list of key needs\n* Consider: supporting more languages\n`,
    );
    expect(m.actionItems).toEqual([]);
  });
});

describe('extractActionItems: commitments in the discussion', () => {
  test('"I\'ll …" said by a speaker is theirs', () => {
    const m = meeting(
      `${NOTES}Rosa: I'll file an issue describing this.\n\nOmar: so i will keep a dirty set, and if it grows too much reset everything.\n\nWen: I'm going to change the tests to propose this.\n`,
    );
    expect(items(m)).toEqual([
      [11, 'Rosa Diaz'],
      [13, 'Omar Little'],
      [15, 'Wen Zhao'],
    ]);
  });

  test('without the pronoun, as notes write it: "Will review today", "plan to work on …"', () => {
    const m = meeting(
      `${NOTES}- **Wen**: Will review today or tomorrow\n- Omar: no updates. Will start migrating the backend.\n- Rosa: plan to work on the parser\n- Omar: went over time, will take an AI to capture the motivation.\n`,
    );
    expect(items(m)).toEqual([
      [11, 'Wen Zhao'],
      [12, 'Omar Little'],
      [13, 'Rosa Diaz'],
      [14, 'Omar Little'],
    ]);
  });

  test('a named owner: "X volunteers to …", "X: [takes an action item to …]", "He will …"', () => {
    const m = meeting(
      `${NOTES}Omar volunteers to take that to the steering group.\n\nWen: [takes an action item to rename]\n\n- Currently, Rosa is working out what is missing. He will share some materials shortly.\n`,
    );
    expect(items(m)).toEqual([
      [11, 'Omar Little'],
      [13, 'Wen Zhao'],
      [15, 'Rosa Diaz'],
    ]);
  });

  test('a group owner: "The TSC should …"', () => {
    const m = meeting(`# Retrospective\n\n## For the TSC\n\n* The TSC should review the release process for all projects.\n`);
    expect(items(m)).toEqual([[5, 'TSC']]);
  });

  test('spoken forms: "although I can knock on …", "when I …, I\'ll …", "I\'ll kind of …", a link promised "in a bit", a handle opening a sentence', () => {
    const m = meeting(
      `${NOTES}Rosa: It is still open. although I can knock on Sam's door about the review.\n\nOmar: When I put up the agenda I'll make a comment too.\n\nWen: I'll kind of reach out to the client teams this week.\n\nRosa: I do have slides. I'll just post the link in a bit.\n\nSeems reasonable. @quinn-dev to champion.\n`,
    );
    expect(items(m)).toEqual([
      [11, 'Rosa Diaz'],
      [13, 'Omar Little'],
      [15, 'Wen Zhao'],
      [17, 'Rosa Diaz'],
      [19, 'quinn-dev'],
    ]);
  });

  test('"PR forthcoming" from a speaker', () => {
    const m = meeting(`${NOTES}- [Wen] PR forthcoming on extracting the metadata\n`);
    expect(items(m)).toEqual([[11, 'Wen Zhao']]);
  });
});

describe('extractActionItems: what is not an action item', () => {
  test('what software "will" do', () => {
    const m = meeting(
      `${NOTES}- Wen: the runtime will reuse this in its compiler.\n- It will be much faster that way.\n- Omar: new crates will need someone with access.\n`,
    );
    expect(m.actionItems).toEqual([]);
  });

  test('meeting talk, hedges and questions', () => {
    const m = meeting(
      `${NOTES}Rosa: All right, I'll move on.\n\nOmar: I'll add a link to the chat in a moment.\n\nWen: I'll call it structural capabilities.\n\nRosa: Will the recording get uploaded?\n\nOmar: If we go that way I'll write a proposal.\n`,
    );
    expect(m.actionItems).toEqual([]);
  });

  test("what someone else will do, told by the speaker, is not the speaker's; opening words are no task", () => {
    const m = meeting(
      `${NOTES}Wen: So the way this works is that the proposer will gather bids and will send a block.\n\nOmar: Sam found a few things he's clarifying with the team and will bring it up.\n\nRosa: All right, so I'll start by saying this is a testing matter.\n`,
    );
    // Sam's promise is Sam's.
    expect(items(m)).toEqual([[13, 'Sam']]);
  });

  test('a transcript pasted under the notes is talk, not a record', () => {
    const m = meeting(
      `${NOTES}- Omar will draft the FAQ.\n\nWhat follows is the Teams transcript of the meeting:\n\nRosa: Yeah, I'll try this one. So anyway.\n`,
    );
    expect(items(m)).toEqual([[11, 'Omar Little']]);
  });

  test('a group decision is not an action item; a reported "would" is not either', () => {
    const m = meeting(`${NOTES}The TSC agreed to raise this topic with the board.\n\nThey agreed that Omar would prepare a PR.\n`);
    expect(m.actionItems).toEqual([]);
  });
});

describe('extractActionItems: labels and owners in the forms of other notes', () => {
  test('"AI: Name to …" in an action list: the label is no owner', () => {
    const m = meeting(
      `${NOTES.replace('- Wen Zhao', '- Wen Zhao\n- Grace Hopper')}## Action items\n\n- AI: Grace Hopper to draft the letter\n- AI: Omar to book the venue\n`,
    );
    expect(items(m)).toEqual([
      [14, 'Grace Hopper'],
      [15, 'Omar Little'],
    ]);
  });

  test('"**Action Items:** @handle will …" under a "## Transcript" heading that only links the transcript', () => {
    const m = meeting(
      `# Sync\n\n## Transcript\n\n[the transcript](sync-transcript.md)\n\n## Attending\n\n- Rosa Diaz (@rdiaz)\n\n## Topics\n\n**Action Items:** @rdiaz will update the release checklist\n`,
    );
    expect(items(m)).toEqual([[13, 'Rosa Diaz']]);
  });

  test('a transcript below the notes is still talk', () => {
    const m = meeting(`${NOTES}Omar: notes above.\n\n## Transcript\n\nRosa: I'll update the release checklist.\n`);
    expect(m.actionItems).toEqual([]);
  });

  test('"[ACTION - Name]" labels, even over a question', () => {
    const m = meeting(
      `${NOTES}- Omar: the calendar still shows two invites.\n  - **[ACTION - Rosa]** - why do we have two? Delete the old one.\n  - [ACTION - Wen]: check the time zone of the invite\n`,
    );
    expect(items(m)).toEqual([
      [12, 'Rosa Diaz'],
      [13, 'Wen Zhao'],
    ]);
  });

  test('a task for several people is one item with every owner, initials resolved', () => {
    const m = meeting(
      `${NOTES.replace('- Rosa Diaz', '- Rosa Diaz (RD)').replace('- Omar Little', '- Omar Little (OL)').replace('- Wen Zhao', '- Wen Zhao (WZ)')}## Actions\n\n* RD + OL + WZ: settle the travel budget\n* OL: circulate the minutes\n`,
    );
    expect(owners(m)).toEqual([
      [13, ['Rosa Diaz', 'Omar Little', 'Wen Zhao']],
      [14, ['Omar Little']],
    ]);
  });

  test('"@x will release:" over a list: the list items are what, not tasks', () => {
    const m = meeting(`${NOTES}**Action Items:**\n\n- Wen will release:\n  - \`core\`\n  - \`@acme/cli\`\n`);
    expect(items(m)).toEqual([[13, 'Wen Zhao']]);
  });
});

describe('extractActionItems: rosters are not task lists', () => {
  test('a checkbox attendance list, ticked or not, is no action list', () => {
    const m = meeting(
      `# Team sync\n\n## Attendees\n\n- [x] Rosa Diaz (RD)\n- [ ] Omar Little (OL)\n- [ ] Wen Zhao\n\n### Core team\n\n- [ ] Priya Natarajan (PN)\n\n## Notes\n\n- OL will update the onboarding doc\n`,
    );
    expect(items(m)).toEqual([[15, 'Omar Little']]);
  });

  test('a list of only names under an action heading is not tasks; the tasks in it are', () => {
    const m = meeting(`${NOTES}## Action items\n\n- [ ] Rosa Diaz\n- [ ] Wen Zhao (WZ)\n- [ ] Omar to send the survey\n`);
    expect(items(m)).toEqual([[15, 'Omar Little']]);
  });
});

describe('extractActionItems: notes written as HTML', () => {
  test('an "Actions" heading over an HTML list of "Name: task" items', () => {
    const html =
      '<h1>Board minutes</h1>\n<h2>Attendance</h2>\n<ul>\n<li>Rosa Diaz</li>\n<li>Omar Little</li>\n</ul>\n<h2>Actions</h2>\n<ol>\n<li><p>Rosa Diaz: send the invoice to the new sponsor.</p></li>\n<li><p>Omar Little: Revamp the &quot;join us&quot; page.</p></li>\n</ol>\n';
    const m = meeting(html);
    expect(m.attendees.map((i) => m.people[i]!.name)).toEqual(['Rosa Diaz', 'Omar Little']);
    expect(items(m)).toEqual([
      [9, 'Rosa Diaz'],
      [10, 'Omar Little'],
    ]);
    expect(m.actionItems[1]!.text).toContain('"join us"');
  });

  test('a markdown note with a little HTML in it is read as markdown', () => {
    const m = meeting(`${NOTES}<details>\n<summary>More</summary>\n\n- Rosa will update the changelog\n\n</details>\n`);
    expect(items(m)).toEqual([[14, 'Rosa Diaz']]);
  });
});

describe('extractActionItems: owners in reported speech', () => {
  test('a first name the meeting lists nowhere owns "X will …"; a product that "will" does not', () => {
    const m = meeting(
      `# Council update\n\n- The council discussed the survey. Barbara will draft a reminder to the members.\n- Firefox will ship the new API next month.\n- Quokka will review the release plan.\n`,
    );
    expect(items(m)).toEqual([[3, 'Barbara']]);
  });

  test('"it was decided (that) X would …" names X; "decided it would …" names no one', () => {
    const m = meeting(
      `${NOTES}- The survey came up and it was decided Wen would send a reminder on Monday.\n- The group decided it would revisit the budget.\n`,
    );
    expect(items(m)).toEqual([[11, 'Wen Zhao']]);
  });

  test('"I can do the release", "I need to create …" by a speaker; "I can add one thing" is no task', () => {
    const m = meeting(
      `${NOTES}Omar: I can do the release tomorrow.\n\nRosa: I need to create a proposal for this.\n\nWen: I can add one thing about the docs.\n`,
    );
    expect(items(m)).toEqual([
      [11, 'Omar Little'],
      [13, 'Rosa Diaz'],
    ]);
  });

  test('a bullet turn left inside a paragraph keeps its own speaker', () => {
    const m = meeting(`${NOTES}Omar:\n    - Rosa: we should try the new streaming setup\n    - Omar: Rosa and Wen will organize a test call\n`);
    expect(owners(m)).toEqual([[13, ['Rosa Diaz', 'Wen Zhao']]]);
  });
});

describe('extractActionItems: bold-name turns of a transcript', () => {
  test('"**Name**" on its own line over bullets, and "**Name** [12:52](…): …", own the "I\'ll …" below them', () => {
    const m = meeting(
      `${NOTES}**Rosa**\n* I can definitely reach out to the relay team.\n\n**Omar** [12:52](https://example.org/v?t=772): I'll post the link with the examples.\n\n**Summary**\n* Wen\n`,
    );
    expect(items(m)).toEqual([
      [12, 'Rosa Diaz'],
      [14, 'Omar Little'],
    ]);
  });
});

describe('extractActionItems: labelled tasks without an owner, owners inside a sentence', () => {
  test('"AI: test …" stands with no owner; "Action: Omar send …" and "ACTION: Ask Rosa/Wen to …" name theirs; a remark after a label is no task', () => {
    const m = meeting(
      `${NOTES}AI: test the longer domain label on the staging host\n\nAction: Omar send the budget to the board\n\nACTION: Ask Rosa/Wen to sort out the hosting contract.\n\nAction items: need one more reviewer\n\nAction: visitors welcome at the spring summit\n`,
    );
    expect(owners(m)).toEqual([
      [11, []],
      [13, ['Omar Little']],
      [15, ['Rosa Diaz', 'Wen Zhao']],
    ]);
  });

  test('"… and Omar will …", "… that Wen would …", "Rosa said she would …"; not "agreed that", not software', () => {
    const m = meeting(
      `${NOTES}The team discussed the release and Omar will take the lead on the announcement.\n\nWe looked at the survey and decided that Wen would draft the summary.\n\nRosa said that she would follow up with the vendor after the call.\n\nThey agreed that Omar would prepare a patch.\n\nThe tests pass and Chrome will ship the change next month.\n`,
    );
    expect(items(m)).toEqual([
      [11, 'Omar Little'],
      [13, 'Wen Zhao'],
      [15, 'Rosa Diaz'],
    ]);
  });

  test('the subject promising in a later clause: "Wen updated the team and will send …"; not "Chrome shipped it and will remove …"', () => {
    const m = meeting(
      `${NOTES}Wen updated the team on the migration and will send a summary to the list.\n\nChrome shipped the flag and will remove it next year.\n\nOmar reviewed the numbers, which will change next month.\n`,
    );
    expect(items(m)).toEqual([[11, 'Wen Zhao']]);
  });

  test('a group by its word ("The council will …"); "he\'ll" after a semicolon is the one named before', () => {
    const m = meeting(
      `${NOTES}The council will notify the members of the change.\n\n- Omar: a local meetup is interested; he'll reach out to the organisers.\n- Wen: the group is growing; it will keep growing.\n`,
    );
    expect(items(m)).toEqual([
      [11, 'council'],
      [13, 'Omar Little'],
    ]);
  });

  test('"After the workshop he will post …" is the one named before; "After the workshop he was tired" is no task', () => {
    const m = meeting(
      `${NOTES}- Omar hosted a workshop at the summit. After workshop he will post notes in the organizing repo.\n- Wen gave a talk. After lunch she was tired.\n`,
    );
    expect(items(m)).toEqual([[11, 'Omar Little']]);
  });

  test('a turn accepting a request is a task of the one who accepts; a bare "Yes." to a question of opinion is not', () => {
    const m = meeting(
      `${NOTES}* [Rosa] The export is broken in Safari. Wen, could you file an issue for it?\n* [Wen] Can do.\n* [Omar] Do you think the new layout is clearer?\n* [Rosa] Yes.\n* [Omar] Would you be willing to review the patch?\n* [Omar] Yes.\n`,
    );
    expect(items(m)).toEqual([[12, 'Wen Zhao']]);
  });

  test('"I have to check with …" and "Wen to handle …" commit; "I have to say …" does not', () => {
    const m = meeting(
      `${NOTES}* [Rosa] I have to check with the legal team, but this sounds good.\n* [Omar] I have to say this looks great.\n\nWen to handle the transfer of the domain.\n`,
    );
    expect(items(m)).toEqual([
      [11, 'Rosa Diaz'],
      [14, 'Wen Zhao'],
    ]);
  });

  test('speech that repeats itself or opens with "I think": "I will I will run …", "I think I can just …"', () => {
    const m = meeting(
      `${NOTES}**Rosa**\n* I will I will run some more benchmarks and post the numbers.\n\n**Wen**\n* I think I can just bump the version of the docs.\n* I think we can ship it.\n`,
    );
    expect(items(m)).toEqual([
      [12, 'Rosa Diaz'],
      [15, 'Wen Zhao'],
    ]);
  });
});
