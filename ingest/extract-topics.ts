/**
 * Subjects a meeting spent time on, weighted by how much was said.
 */
import type { ExtractContext } from './extract.js';
import type { TopicRecord } from './types.js';

/** Finds the topics of a note. */
export function extractTopics(_ctx: ExtractContext): TopicRecord[] {
  return [];
}
