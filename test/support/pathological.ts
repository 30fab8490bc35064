/**
 * Inputs known to hurt markdown parsers and NLP: CommonMark's pathological
 * tests (commonmark/cmark test/pathological_tests.py), compromise's traps, and
 * sheer size. Each builds the text of one note. Sizes are ~10-100 KB, enough
 * to show a quadratic parser (cmark takes under a millisecond on each), except
 * the ones named for their size.
 */
export interface Pathological {
  name: string;
  text: () => string;
}

const rep = (s: string, n: number) => s.repeat(n);

export const PATHOLOGICAL: Pathological[] = [
  { name: 'empty file', text: () => '' },
  { name: 'only a byte order mark and blank lines', text: () => '\ufeff\n\n\r\n\r' },
  { name: 'NUL and other control characters', text: () => `# Sync\u0000\n\nAlice:\u0000 hi\u0007\u001b[31m\n` },
  { name: 'mixed CRLF, CR and LF', text: () => rep('# Title\r\n\r- Alice: one\n- Bob: two\r\rDecision: ship it\r\n', 500) },
  { name: '100,000 lines', text: () => Array.from({ length: 100_000 }, (_, i) => `- item ${i}: Alice said something about #${i}`).join('\n') },
  { name: '1,000 nested lists', text: () => Array.from({ length: 1000 }, (_, i) => `${' '.repeat(2 * i)}- level ${i}`).join('\n') },
  { name: '1,000 nested block quotes', text: () => `${rep('> ', 1000)}deep` },
  {
    name: 'huge table (5,000 rows × 30 columns)',
    text: () => [`|${rep(' h |', 30)}`, `|${rep('---|', 30)}`, ...Array.from({ length: 5000 }, (_, i) => `|${rep(` c${i} |`, 30)}`)].join('\n'),
  },
  { name: 'wide table row (5,000 cells)', text: () => `|${rep(' h |', 5000)}\n|${rep('-|', 5000)}\n|${rep(' x |', 5000)}` },
  { name: 'nested strong emphasis', text: () => `${rep('*a **a ', 5000)}b${rep(' a** a*', 5000)}` },
  { name: 'many emphasis closers with no openers', text: () => rep('a_ ', 10000) },
  { name: 'many emphasis openers with no closers', text: () => rep('_a ', 10000) },
  { name: 'many link closers with no openers', text: () => rep('a]', 10000) },
  { name: 'many link openers with no closers', text: () => rep('[a', 10000) },
  { name: 'mismatched openers and closers', text: () => rep('*a_ ', 10000) },
  { name: 'openers and closers multiple of 3', text: () => `a**b${rep('c* ', 10000)}` },
  { name: 'link openers and emphasis closers', text: () => rep('[ a_', 10000) },
  { name: 'pattern [ (](', text: () => rep('[ (](', 10000) },
  { name: 'nested brackets', text: () => `${rep('[', 10000)}a${rep(']', 10000)}` },
  { name: 'nested parentheses in a link', text: () => `[a](${rep('(', 10000)}${rep(')', 10000)})` },
  { name: 'backticks of growing length', text: () => Array.from({ length: 300 }, (_, i) => `e${rep('`', i)}`).join('') },
  { name: 'unclosed links <', text: () => rep('[a](<b', 10000) },
  { name: 'unclosed links', text: () => rep('[a](b', 10000) },
  { name: 'unclosed HTML comments', text: () => rep('<!--', 10000) },
  { name: 'unclosed HTML declarations and CDATA', text: () => rep('<!A <![CDATA[ ', 5000) },
  {
    name: 'many link reference definitions',
    text: () => Array.from({ length: 5000 }, (_, i) => `[r${i}]: http://example.com/${i}`).join('\n') + '\n\n' + rep('[r1] ', 5000),
  },
  { name: 'many autolinks and bare URLs', text: () => rep('https://github.com/o/r/pull/1 <https://x.y/z> www.example.com ', 2000) },
  { name: 'a 1 MB line without spaces', text: () => rep('a', 1 << 20) },
  { name: 'a 100 KB sentence without punctuation', text: () => rep('word ', 20_000) },
  { name: 'a long run of periods', text: () => rep('.', 100_000) },
  { name: '"--\\n" × 100,000', text: () => rep('--\n', 100_000) },
  { name: '"-\\n" and "=\\n" setext underlines × 50,000', text: () => rep('a\n-\nb\n=\n', 5_000) },
  {
    name: 'speaker labels on every line',
    text: () => Array.from({ length: 2_000 }, (_, i) => `P${i % 50}: we decided to ship #${i} and @user${i} will follow up`).join('\n'),
  },
  {
    name: 'one paragraph of 2,000 soft-broken lines',
    text: () => Array.from({ length: 2_000 }, (_, i) => `line ${i} mentions Alice Example and RFC ${i}`).join('\n'),
  },
  { name: '5,000 headings', text: () => Array.from({ length: 5_000 }, (_, i) => `${'#'.repeat((i % 6) + 1)} Heading ${i}`).join('\n') },
  { name: 'emoji, combining marks and right-to-left text', text: () => rep('# 🦀 Ｓｙｎｃ\n\nA\u0301lice: ש֫לום 👩🏽‍💻 مرحبا\u202e txet\n\n', 500) },
  { name: 'lone surrogates', text: () => rep('Alice: \ud800 and \udfff\n', 2000) },
];
