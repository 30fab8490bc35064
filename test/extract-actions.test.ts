import { describe, expect, test } from 'vitest';
import { emptyConfig } from '../ingest/config.js';
import { extractMeeting } from '../ingest/extract.js';
import { parseNote } from '../ingest/parse.js';
import { decodeNote } from '../ingest/read.js';
import type { MeetingRecord } from '../ingest/types.js';

const meeting = (text: string, path = 'team/2026/team-03-04.md'): MeetingRecord => {
  const r = decodeNote(Buffer.from(text), path, 'test');
  if (!r.ok) throw new Error(r.message.reason);
  return extractMeeting(parseNote(r.file), emptyConfig());
};

const NOTES = '# Team sync March 4\n\n## Attendees\n\n- Rosa Diaz\n- Omar Little\n- Wen Zhao\n\n## Notes\n\n';

/** Each action item as [first line, owner's name or group]. */
const items = (m: MeetingRecord) => m.actionItems.map((a) => [a.startLine, a.owner !== null ? m.people[a.owner]!.name : a.ownerGroup ?? null]);

describe('extractActionItems: labels and lists', () => {
  test('"AI[XX]:", "**Action:** X will …", "ACTION: X to …"', () => {
    const m = meeting(`${NOTES}AI[RD]: talk to the lawyers about licenses\n\n**Action:** Omar will, now that the draft is up, review it.\n\nACTION: Wen to update the README.\n`.replace('- Rosa Diaz', '- Rosa Diaz (RD)'));
    expect(items(m)).toEqual([[11, 'Rosa Diaz'], [13, 'Omar Little'], [15, 'Wen Zhao']]);
  });

  test('an "Action items" section: named owners, checkboxes, owners in brackets or at the end, nested tasks', () => {
    const m = meeting(`${NOTES}Rosa: thanks all.\n\n## Action Items\n\n* [ ] Omar to draft the release notes\n* [ ] Wen: create an issue for the flaky test\n* [Rosa & Wen] Announce the next meeting on the forum\n* [ ] Shape up the roadmap (Omar)\n* [ ] Rosa / Omar: Improve the onboarding\n  * [ ] Reach out to the docs team\n`);
    expect(items(m)).toEqual([
      [15, 'Omar Little'],
      [16, 'Wen Zhao'],
      [17, 'Rosa Diaz & Wen Zhao'],
      [18, 'Omar Little'],
      [19, 'Rosa Diaz & Omar Little'],
      [20, 'Rosa Diaz & Omar Little'],
    ]);
  });

  test('meeting-bot and W3C forms: "#action nick …", "ACTION: name - …"', () => {
    const m = meeting(`${NOTES}#action wen to update the wiki\n\nACTION: Omar - file a bug about the crash\n`);
    expect(items(m)).toEqual([[11, 'Wen Zhao'], [13, 'Omar Little']]);
  });

  test('a table with an owner column and a task column; an owner the notes name nowhere else is added', () => {
    const m = meeting(`${NOTES}| Owner | Action |\n| - | - |\n| Rosa | Draft the charter |\n| Priya | Book the room |\n| Omar | |\n`);
    expect(items(m)).toEqual([[13, 'Rosa Diaz'], [14, 'Priya']]);
  });

  test('"Next steps" with "X to …" bullets', () => {
    const m = meeting(`# Summary\n\n## Next steps\n- Rosa to prepare a PR for the time origin.\n- Omar to consider moving the checks into a separate job.\n`);
    expect(m.actionItems.map((a) => [a.startLine, a.text])).toEqual([
      [4, 'Rosa to prepare a PR for the time origin.'],
      [5, 'Omar to consider moving the checks into a separate job.'],
    ]);
  });

  test('placeholders, bare links and unowned tasks in an action section are not items', () => {
    const m = meeting(`${NOTES}## Action Items\n\n* https://github.com/acme/tool/issues/12\n* [ ] TODO\n* [ ] Build the list of key needs\n* Consider: supporting more languages\n`);
    expect(m.actionItems).toEqual([]);
  });
});

describe('extractActionItems: commitments in the discussion', () => {
  test('"I\'ll …" said by a speaker is theirs', () => {
    const m = meeting(`${NOTES}Rosa: I'll file an issue describing this.\n\nOmar: so i will keep a dirty set, and if it grows too much reset everything.\n\nWen: I'm going to change the tests to propose this.\n`);
    expect(items(m)).toEqual([[11, 'Rosa Diaz'], [13, 'Omar Little'], [15, 'Wen Zhao']]);
  });

  test('without the pronoun, as notes write it: "Will review today", "plan to work on …"', () => {
    const m = meeting(`${NOTES}- **Wen**: Will review today or tomorrow\n- Omar: no updates. Will start migrating the backend.\n- Rosa: plan to work on the parser\n- Omar: went over time, will take an AI to capture the motivation.\n`);
    expect(items(m)).toEqual([[11, 'Wen Zhao'], [12, 'Omar Little'], [13, 'Rosa Diaz'], [14, 'Omar Little']]);
  });

  test('a named owner: "X volunteers to …", "X: [takes an action item to …]", "He will …"', () => {
    const m = meeting(`${NOTES}Omar volunteers to take that to the steering group.\n\nWen: [takes an action item to rename]\n\n- Currently, Rosa is working out what is missing. He will share some materials shortly.\n`);
    expect(items(m)).toEqual([[11, 'Omar Little'], [13, 'Wen Zhao'], [15, 'Rosa Diaz']]);
  });

  test('a group owner: "The TSC should …"', () => {
    const m = meeting(`# Retrospective\n\n## For the TSC\n\n* The TSC should review the release process for all projects.\n`);
    expect(items(m)).toEqual([[5, 'TSC']]);
  });

  test('"PR forthcoming" from a speaker', () => {
    const m = meeting(`${NOTES}- [Wen] PR forthcoming on extracting the metadata\n`);
    expect(items(m)).toEqual([[11, 'Wen Zhao']]);
  });
});

describe('extractActionItems: what is not an action item', () => {
  test('what software "will" do', () => {
    const m = meeting(`${NOTES}- Wen: the runtime will reuse this in its compiler.\n- It will be much faster that way.\n- Omar: new crates will need someone with access.\n`);
    expect(m.actionItems).toEqual([]);
  });

  test('meeting talk, hedges and questions', () => {
    const m = meeting(`${NOTES}Rosa: All right, I'll move on.\n\nOmar: I'll add a link to the chat in a moment.\n\nWen: I'll call it structural capabilities.\n\nRosa: Will the recording get uploaded?\n\nOmar: If we go that way I'll write a proposal.\n`);
    expect(m.actionItems).toEqual([]);
  });

  test('a transcript pasted under the notes is talk, not a record', () => {
    const m = meeting(`${NOTES}- Omar will draft the FAQ.\n\nWhat follows is the Teams transcript of the meeting:\n\nRosa: Yeah, I'll try this one. So anyway.\n`);
    expect(items(m)).toEqual([[11, 'Omar Little']]);
  });

  test('a group decision is not an action item; a reported "would" is not either', () => {
    const m = meeting(`${NOTES}The TSC agreed to raise this topic with the board.\n\nThey agreed that Omar would prepare a PR.\n`);
    expect(m.actionItems).toEqual([]);
  });
});
