/**
 * The weights and cut-offs of the ranked answers, one set for every
 * collection: calibrated on the dev questions of all twelve collections
 * together (../shared/gold/questions-dev.json), never per collection, so a
 * project nobody has seen gets the same rule.
 */

/** Every question on a topic (queries/parts/topic-words.cypher). */
export const TOPIC = {
  /** A reference is one the topic names, and a passage pointing at it holds the name's words, when one of its names holds this share of the topic's words. */
  named: 0.75,
} as const;

/** discussions (queries/discussions.cypher): how a thread is scored and which meetings are kept. */
export const DISCUSSION = {
  /**
   * A thread scoring below this is no discussion. Calibrated on all twelve collections at once: 0.3–0.4 give
   * the same answers (w3c drops a meeting that only mentions the topic in passing), 0.45 loses an ipfs
   * meeting; the middle of the plateau.
   */
  cutoff: 0.35,
  /** A meeting whose best thread scores below this share of the best meeting's is left out. */
  relative: 0.3,
  /** What a passage that is only planned (an agenda line) or only a link counts for, against one said. */
  planned: 0.5,
  /** How much a topic said again in the thread adds (times the log of how often). */
  again: 0.5,
  /**
   * A passage of at least `templateChars` characters that the collection's notes write word for word in this
   * many places is a line of their template ("Link to Code of Conduct: …" atop every minutes): it counts as
   * planned, not said, in any one meeting.
   */
  template: 4,
  templateChars: 30,
  /** A thread of at most this many passages is one stretch: everyone who speaks in it spoke about the topic. */
  short: 15,
  /** In a longer thread, the people are the speakers of the passages that say the topic and of this many passages either side (between its first and last). */
  near: 4,
} as const;

/** decisions(about:) (queries/decisions.cypher): a decision's score is how much of the topic its own words hold, or its thread's. */
export const DECISION = {
  /** What a decision taken in a discussion of the topic scores, per unit of the discussion's coverage. */
  context: 0.9,
  /** A decision scoring below this is not about the topic. */
  cutoff: 0.65,
} as const;

/** timeline of a topic in free text (queries/topic-references.cypher, queries/timeline.cypher). */
export const TIMELINE = {
  /** A reference is one the topic names when one of its names holds this share of the topic's words. */
  named: TOPIC.named,
} as const;
