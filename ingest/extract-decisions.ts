/**
 * Decisions a meeting reached, each with its source lines.
 */
import type { ExtractContext } from './extract.js';
import type { DecisionRecord } from './types.js';

/** Finds the decisions recorded in a note. */
export function extractDecisions(_ctx: ExtractContext): DecisionRecord[] {
  return [];
}
