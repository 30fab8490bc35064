/**
 * Shapes of real meeting-note files that are not plain markdown notes, each
 * modelled on files of ../shared/corpus and written in our own words: a web
 * page saved under a `.md` name (a HackMD export: the markdown source inside
 * `<div id="doc" class="markdown-body">`), HTML blocks inside markdown,
 * front matter and template tags (`{% include %}`, `{{ page.title }}`), file
 * names with spaces, `&`, commas and parentheses, text in other languages,
 * a very long transcript, byte-identical copies and one-line stubs. Each
 * says what a sensible ingest of it holds.
 */

export interface Shape {
  name: string;
  /** Path in the folder, and the text. */
  path: string;
  text: string;
  /** What the meeting must hold once indexed. */
  expect: { title?: string | RegExp; date?: string | null; people?: string[]; minPassages?: number; maxPassages?: number };
}

const turns = (n: number): string =>
  Array.from({ length: n }, (_, i) => {
    const who = ['analima', 'bochen', 'chenwei', 'dmitrik', 'evelynj'][i % 5];
    return `**${who}:** point ${i}: the parser change in #${1000 + (i % 97)} needs another look before the release, and I can review it tomorrow.\n`;
  }).join('\n');

/** A HackMD page saved as `.md`: a page head, app markup, then the note's markdown source. */
const hackmdPage = (): string =>
  [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '    <meta charset="utf-8">',
    '<title>Triage meeting 2024-05-14 - HackMD</title>',
    '<script nonce="x">',
    "  window.domain = 'example.org'",
    '  if (a < b && c > d) { run() }',
    '</script>',
    '</head>',
    '<body>',
    '    <div class="ui-toolbar">',
    '        <ul class="dropdown-menu" role="menu">',
    '            <li role="presentation"><a role="menuitem" href="#" tabindex="-1">View mode</a></li>',
    '        </ul>',
    '    </div>',
    '        <div id="doc" class="markdown-body container-fluid" data-hard-breaks="true">---',
    'title: Triage meeting 2024-05-14',
    'tags: triage-meeting',
    '---',
    '',
    '# Parser team triage',
    '',
    '* Meeting date: 2024-05-14',
    '',
    '## Attendance',
    '',
    '* Team members: Ana Lima, Bo Chen',
    '',
    '## Notes',
    '',
    'Ana: we looked at the lexer rewrite (#4521) and it is ready.',
    '',
    '</div>',
    '    <div class="ui-footer">Published on HackMD</div>',
    '<script src="https://example.org/app.js"></script>',
    '</body>',
    '</html>',
    '',
  ].join('\n');

export const SHAPES: Shape[] = [
  {
    name: 'a web page saved as .md (HackMD export)',
    path: 'minutes/2024-05-14.md',
    text: hackmdPage(),
    expect: { date: '2024-05-14', people: ['Ana Lima', 'Bo Chen'], minPassages: 2 },
  },
  {
    name: 'HTML blocks inside markdown',
    path: 'wg/2024/wg-02-06.md',
    text: [
      '# WG sync, February 6, 2024',
      '',
      '<div align="center"><img src="https://example.org/logo.png" width="120"></div>',
      '',
      '|          |      |',
      '| -------- | -------- |',
      '| Attending | Ana Lima, Bo Chen<br>Chen Wei |',
      '| Note Taker | Bo Chen |',
      '',
      '<details>',
      '<summary>Notes</summary>',
      '',
      '- Ana: we agreed to land the patch<sup>1</sup> this week.',
      '- Bo to write the changelog entry.',
      '',
      '</details>',
      '',
      '<table><tr><td>Votes</td><td>5 for, 0 against</td></tr></table>',
      '',
    ].join('\n'),
    expect: { title: 'WG sync, February 6, 2024', date: '2024-02-06', people: ['Ana Lima', 'Bo Chen', 'Chen Wei'], minPassages: 2 },
  },
  {
    name: 'front matter with template tags',
    path: '_minutes/2024-03-12-wg.md',
    text: [
      '---',
      'layout: minutes',
      'title: "WG call {{ page.date | date: \'%B %d\' }}"',
      '{% include meeting-meta.html %}',
      '---',
      '{% include toc.md %}',
      '{% raw %}',
      '# WG call, 2024-03-12',
      '',
      'Attendees: Ana Lima, Bo Chen',
      '',
      '- Bo: the `{{ config }}` loader is fixed in #88.',
      '{% endraw %}',
      '',
    ].join('\n'),
    expect: { title: 'WG call, 2024-03-12', date: '2024-03-12', people: ['Ana Lima', 'Bo Chen'], minPassages: 2, maxPassages: 2 },
  },
  {
    name: 'a file name with spaces',
    path: 'Core Meetings/Meeting 172.md',
    text: '# Core meeting #172\n### Meeting Date/Time: Oct 12, 2023, 14:00-15:30 UTC\n\nAttendees: Ana Lima, Bo Chen\n\n- Ana: devnet 9 is stable.\n',
    expect: { date: '2023-10-12', people: ['Ana Lima', 'Bo Chen'], minPassages: 1 },
  },
  {
    name: 'a file name with a comma and spaces',
    path: 'core/2021-01/Jan 15, 2021.md',
    text: '# Core team\n\nAttendees: Ana Lima, Bo Chen\n\n- Bo: the RFC is merged.\n',
    expect: { date: '2021-01-15', minPassages: 1 },
  },
  {
    name: 'a file name with commas between months',
    path: 'updates/2023-11,12-council-update.md',
    text: '# Council update, November and December 2023\n\n- We approved the new release schedule.\n',
    expect: { minPassages: 1 },
  },
  {
    name: 'a file name with & and parentheses',
    path: 'sessions/Q&A (part 2), 2024-06-04.md',
    text: '# Q&A (part 2)\n\nAna: thanks all for the questions.\n',
    expect: { title: 'Q&A (part 2)', date: '2024-06-04', minPassages: 1 },
  },
  {
    name: 'text in other languages',
    path: 'tsc/2023/tsc-08-29.md',
    text: [
      '# 8月29日 TSC 会议',
      '',
      '## 参会人员',
      '',
      '李明 (来宾)  ',
      'Ana Lima  ',
      '张伟 (来宾)  ',
      '',
      '## Notizen',
      '',
      '- Wir haben die Änderung beschlossen; la décision est prise.',
      '- Обсудили план выпуска (#17).',
      '- 次回はコンポーネントモデルについて話します。',
      '',
    ].join('\n'),
    expect: { date: '2023-08-29', minPassages: 3 },
  },
  {
    name: 'a very long transcript (2,000 turns, 300 KB)',
    path: 'notes/2024/2024-01-25-transcript.md',
    text: `# 01/25/2024 TSC Meeting Transcript\n\n${turns(2000)}`,
    expect: { date: '2024-01-25', people: ['analima', 'bochen', 'chenwei', 'dmitrik', 'evelynj'], minPassages: 2000 },
  },
  {
    name: 'a one-line stub without a line ending',
    path: 'python/2023/guest-python-10-12.md',
    text: 'This meeting was cancelled since there were no agenda items.',
    expect: { title: 'This meeting was cancelled since there were no agenda items.', date: '2023-10-12', maxPassages: 1 },
  },
  {
    name: 'a one-line stub that points elsewhere',
    path: 'minutes/2019.04.18.md',
    text: 'Renamed to [2019-04-18.md](2019-04-18.md)\n',
    expect: { date: '2019-04-18', maxPassages: 1 },
  },
  {
    name: 'a one-line heading stub',
    path: 'agendas/2025/01-Jan/02-wg-primary.md',
    text: '# Cancelled: see you at the conference',
    expect: { title: 'Cancelled: see you at the conference', maxPassages: 0 },
  },
];

/** Byte-identical copies: a template kept in several folders, a note saved under two names. */
export const DUPLICATES: { text: string; paths: string[] }[] = [
  {
    text: '## MMM DD, YYYY - SIG meeting\n\n|          |      |\n| -------- | -------- |\n| Attending  |\n| Note Taker |\n\n* Updates:\n    * ...\n* Action Items:\n    * ...\n',
    paths: ['sig-a/TEMPLATE.md', 'sig-b/TEMPLATE.md'],
  },
  {
    text: '# Lint policy, 2022-03-30\n\nAttendees: Ana Lima, Bo Chen\n\n- Ana: we agreed to deny the lint by default (acme/lints#901).\n',
    paths: ['design/2022-03-30-lint-policy.md', 'design/2022-03-30-lints.md'],
  },
];
