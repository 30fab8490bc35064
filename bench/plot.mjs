// Growth plot: cold ingest time and peak memory against the corpus size, from bench results.
//
//   node bench/plot.mjs RESULT.json [AFTER.json] > docs/growth.svg
//
// RESULT holds the 1× ingest and its growth sizes (a whole `npm run bench`); AFTER, optional, more growth
// sizes measured later (drawn as separate points, labelled with its commit). Time is drawn with the line a
// linear growth from 1× would follow; memory with the 1 GiB target. Axes are to scale (1×, 3×, 10× apart
// as their sizes are).
import { readFileSync } from 'node:fs';

const [first, after] = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')));
if (!first?.ingest || !first.growth?.length) throw new Error('usage: node bench/plot.mjs RESULT.json [AFTER.json] (RESULT with ingest and growth figures)');

const point = (times, cold, how) => ({ times, seconds: cold.ingestSeconds ?? cold.seconds, rss: cold.peakRssMb, how: how ?? cold.firstIndex?.how ?? '?' });
const main = [point(1, first.ingest.cold), ...first.growth.map((g) => point(g.times, g.cold))];
const later = (after?.growth ?? []).map((g) => point(g.times, g.cold));
const maxTimes = Math.max(...main.map((p) => p.times), ...later.map((p) => p.times));

const W = 360;
const H = 240;
const M = { l: 56, r: 24, t: 28, b: 40 };
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A round step (1, 2 or 5 × 10^k) near `span`. */
function niceStep(span) {
  const k = 10 ** Math.floor(Math.log10(span));
  return [1, 2, 5, 10].map((m) => m * k).find((s) => s >= span) ?? 10 * k;
}

/** One panel: points of `key` against size, with a reference line `ref(times)` and its label at the right end or (`refLeft`) the left. */
function panel(x0, title, key, unit, ref, refLabel, refLeft = false) {
  const all = [...main, ...later].map((p) => p[key]);
  const top = Math.max(...all, ref(maxTimes)) * 1.1;
  const sx = (t) => x0 + M.l + ((t - 0) / maxTimes) * (W - M.l - M.r);
  const sy = (v) => M.t + (1 - v / top) * (H - M.t - M.b);
  const out = [`<text x="${x0 + W / 2}" y="16" text-anchor="middle" font-weight="bold">${esc(title)}</text>`];
  out.push(`<line x1="${sx(0)}" y1="${sy(0)}" x2="${sx(maxTimes)}" y2="${sy(0)}" stroke="#444"/>`);
  out.push(`<line x1="${sx(0)}" y1="${sy(0)}" x2="${sx(0)}" y2="${sy(top)}" stroke="#444"/>`);
  for (const t of [1, 3, 10].filter((t) => t <= maxTimes)) {
    out.push(`<text x="${sx(t)}" y="${sy(0) + 16}" text-anchor="middle">${t}×</text>`);
  }
  const step = niceStep(top / 5);
  for (let v = 0; v <= top; v += step) {
    out.push(`<text x="${sx(0) - 6}" y="${sy(v) + 4}" text-anchor="end">${Math.round(v)}</text>`);
  }
  out.push(
    `<text x="${x0 + 14}" y="${(M.t + H - M.b) / 2}" transform="rotate(-90 ${x0 + 14} ${(M.t + H - M.b) / 2})" text-anchor="middle">${esc(unit)}</text>`,
  );
  out.push(`<line x1="${sx(0)}" y1="${sy(ref(0))}" x2="${sx(maxTimes)}" y2="${sy(ref(maxTimes))}" stroke="#999" stroke-dasharray="4 3"/>`);
  const rx = refLeft ? sx(0) + 4 : sx(maxTimes);
  out.push(`<text x="${rx}" y="${sy(ref(refLeft ? 0 : maxTimes)) - 5}" text-anchor="${refLeft ? 'start' : 'end'}" fill="#666">${esc(refLabel)}</text>`);
  out.push(`<polyline fill="none" stroke="#1f6feb" stroke-width="2" points="${main.map((p) => `${sx(p.times)},${sy(p[key])}`).join(' ')}"/>`);
  for (const p of main) {
    out.push(`<circle cx="${sx(p.times)}" cy="${sy(p[key])}" r="3.5" fill="#1f6feb"/>`);
    const last = p.times === maxTimes;
    out.push(
      `<text x="${sx(p.times) + (last ? -8 : 6)}" y="${sy(p[key]) + (last ? -6 : 14)}" text-anchor="${last ? 'end' : 'start'}" fill="#1f6feb">${Math.round(p[key])} (${esc(p.how)})</text>`,
    );
  }
  for (const p of later) {
    out.push(`<rect x="${sx(p.times) - 4}" y="${sy(p[key]) - 4}" width="8" height="8" fill="#d1242f"/>`);
    out.push(
      `<text x="${sx(p.times) - 8}" y="${sy(p[key]) + 18}" text-anchor="end" fill="#d1242f">${Math.round(p[key])} (${esc(p.how)}, ${esc(after.machine?.commit ?? 'later')})</text>`,
    );
  }
  return out.join('\n');
}

const one = main[0];
const svg = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H}" font-family="sans-serif" font-size="11">`,
  `<rect width="100%" height="100%" fill="white"/>`,
  panel(0, `Cold ingest (${first.machine?.commit ?? ''})`, 'seconds', 'seconds', (t) => one.seconds * t, 'linear from 1×'),
  panel(W, 'Peak RSS of Quorum', 'rss', 'MB', () => 1024, '1 GiB target', true),
  `</svg>`,
].join('\n');
process.stdout.write(`${svg}\n`);
