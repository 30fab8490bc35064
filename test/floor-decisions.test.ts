import { join } from 'node:path';
import { expect, test } from 'vitest';
import { projectRoot, scoreOffline } from '../eval/offline.js';

// Floors a little under what the extractors reach on ../shared/gold/dev, so a
// change that loses decisions, action items or their owners fails here.
const FLOORS = { decisions: 0.86, actionItems: 0.9, actionOwners: 0.85 };

test('decisions, action items and action owners stay above their floors on the dev gold', async () => {
  const { scores } = await scoreOffline(join(projectRoot(), '..', 'shared'));
  expect(scores.decisions.f1).toBeGreaterThanOrEqual(FLOORS.decisions);
  expect(scores.actionItems.f1).toBeGreaterThanOrEqual(FLOORS.actionItems);
  expect(scores.actionOwners.f1).toBeGreaterThanOrEqual(FLOORS.actionOwners);
}, 60_000);
