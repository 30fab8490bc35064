/**
 * Action items: who promised to do what, each with its source lines.
 */
import type { ExtractContext } from './extract.js';
import type { ActionItemRecord } from './types.js';

/** Finds the action items recorded in a note. */
export function extractActionItems(_ctx: ExtractContext): ActionItemRecord[] {
  return [];
}
