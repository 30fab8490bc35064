import { join } from 'node:path';
import { expect, test } from 'vitest';
import { projectRoot, scoreOffline } from '../eval/offline.js';

// Floors a little under what the extractors reach on ../shared/gold/dev, so a
// change that loses references, crates, advisories or dates fails here.
const FLOORS = { references: 0.97, crates: 0.9, advisories: 0.95, dates: 0.98 };

test('references, crates, advisories and dates stay above their floors on the dev gold', async () => {
  const { scores } = await scoreOffline(join(projectRoot(), '..', 'shared'));
  expect(scores.references.f1).toBeGreaterThanOrEqual(FLOORS.references);
  expect(scores.crates.f1).toBeGreaterThanOrEqual(FLOORS.crates);
  expect(scores.advisories.f1).toBeGreaterThanOrEqual(FLOORS.advisories);
  expect(scores.dates.right / scores.dates.all).toBeGreaterThanOrEqual(FLOORS.dates);
}, 60_000);
