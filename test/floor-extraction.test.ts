import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractionFigures, readFloors } from '../eval/floors.js';
import { projectRoot, scoreOffline } from '../eval/offline.js';

// Each collection's extraction F1 (and date accuracy) on ../shared/gold/dev stays
// at or above its floor in eval/floors.json (set a little under what was reached),
// so a change that costs one collection fails even when the pooled figure holds.
describe('extraction floors, per collection', async () => {
  const floors = readFloors().extraction;
  const { byCollection } = await scoreOffline(join(projectRoot(), '..', 'shared'));

  test('every labelled collection has floors, and every floor a labelled collection', () => {
    expect(Object.keys(floors).sort()).toEqual([...byCollection.keys()].sort());
  });

  for (const [collection, measures] of Object.entries(floors)) {
    test.each(Object.entries(measures))(`${collection}: %s ≥ %s`, (measure, floor) => {
      const figures = extractionFigures(byCollection.get(collection)!);
      expect(figures[measure] ?? 0).toBeGreaterThanOrEqual(floor);
    });
  }
});
