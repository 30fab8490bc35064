/**
 * The quality floors the tests hold, per collection: F1 of each extraction kind
 * (and date accuracy) scored offline on ../shared/gold/dev, and F1 of each
 * dashboard question measure (test/questions.test.ts). They live in
 * eval/floors.json, a little under the figures reached, so a change that costs
 * any one collection fails even when the pooled figure holds.
 *
 *   npm run build && node dist/eval/floors.js            # figures against floors
 *   npm run build && node dist/eval/floors.js --raise    # floors raised to (figure − margin)
 *
 * `--raise` never lowers a floor: a floor that must go down is edited by hand,
 * with the reason in the commit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dateAccuracy, KINDS, projectRoot, scoreOffline, type Scores } from './offline.js';

/** collection → measure → lowest F1 (or accuracy) allowed. */
export type FloorTable = Record<string, Record<string, number>>;

export interface Floors {
  /** How far under a reached figure `--raise` sets a floor. */
  margin: number;
  extraction: FloorTable;
  questions: FloorTable;
}

export const FLOORS_FILE = join(projectRoot(), 'eval', 'floors.json');

export function readFloors(): Floors {
  return parseFloors(readFileSync(FLOORS_FILE, 'utf8'));
}

/**
 * Reads floors text with every object made prototype-free: tables are keyed
 * by collection names (folder names), and a collection called `constructor`
 * must find its own row or none, never Object.prototype's members.
 */
export function parseFloors(text: string): Floors {
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    // Assigning `__proto__` on a prototype-free object makes a plain own key.
    const copy = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) copy[k] = v;
    return copy;
  }) as Floors;
}

/** The measures of one collection's offline scores, as the floor table names them. */
export function extractionFigures(scores: Scores): Record<string, number> {
  const out = Object.create(null) as Record<string, number>;
  for (const k of KINDS) if (scores[k].gold || scores[k].found) out[k] = scores[k].f1;
  if (scores.dates.all) out.dates = dateAccuracy(scores);
  return out;
}

/** A floor a margin under a figure, rounded down to two places; none at zero (nothing to guard). */
export function floorUnder(figure: number, margin: number): number | undefined {
  const f = Math.floor((figure - margin) * 100 + 1e-9) / 100;
  return f > 0 ? f : undefined;
}

/** Raises each floor of `table` to a margin under its figure; never lowers one. Returns what moved. */
export function raise(table: FloorTable, figures: Record<string, Record<string, number>>, margin: number): string[] {
  const moved: string[] = [];
  for (const [collection, measures] of Object.entries(figures)) {
    const row = (table[collection] = Object.hasOwn(table, collection) ? table[collection]! : (Object.create(null) as Record<string, number>));
    for (const [measure, figure] of Object.entries(measures)) {
      const f = floorUnder(figure, margin);
      const had = Object.hasOwn(row, measure) ? row[measure] : undefined;
      if (f === undefined || (had ?? 0) >= f) continue;
      moved.push(`${collection} ${measure}: ${had ?? '–'} → ${f}`);
      row[measure] = f;
    }
  }
  return moved;
}

const isMain = process.argv[1] && new URL(import.meta.url).pathname === process.argv[1];
if (isMain) {
  const floors = readFloors();
  const { byCollection } = await scoreOffline(join(projectRoot(), '..', 'shared'));
  const figures = Object.fromEntries([...byCollection].map(([c, s]) => [c, extractionFigures(s)]));
  for (const [c, measures] of Object.entries(figures)) {
    const cells = Object.entries(measures).map(([m, v]) => {
      const row = Object.hasOwn(floors.extraction, c) ? floors.extraction[c] : undefined;
      const f = row && Object.hasOwn(row, m) ? row[m] : undefined;
      return `${m} ${v.toFixed(3)}${f !== undefined ? ` (floor ${f}${v < f ? ' BELOW' : ''})` : ''}`;
    });
    console.log(`${c}: ${cells.join(', ')}`);
  }
  if (process.argv.includes('--raise')) {
    const moved = raise(floors.extraction, figures, floors.margin);
    writeFileSync(FLOORS_FILE, `${JSON.stringify(floors, null, 2)}\n`);
    console.log(moved.length ? `raised:\n  ${moved.join('\n  ')}` : 'no floor raised');
  }
}
