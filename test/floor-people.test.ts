import { join } from 'node:path';
import { expect, test } from 'vitest';
import { projectRoot, scoreOffline } from '../eval/offline.js';

// Floors a little under what extract-people reaches on ../shared/gold/dev
// (attendees F1 1.000, speakers F1 0.991), so a change that loses or invents
// people fails here.
const FLOORS = { attendees: 0.98, speakers: 0.97 };

test('attendees and speakers stay above their floors on the dev gold', async () => {
  const { scores } = await scoreOffline(join(projectRoot(), '..', 'shared'));
  expect(scores.attendees.f1).toBeGreaterThanOrEqual(FLOORS.attendees);
  expect(scores.speakers.f1).toBeGreaterThanOrEqual(FLOORS.speakers);
}, 120_000);
