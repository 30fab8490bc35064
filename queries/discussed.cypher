// In which meetings is this topic discussed? The meetings of discussions.cypher,
// ranked and cut off the same way, without the people and passages: what
// timeline.cypher follows for a topic asked in free text.
// $groups: one Lucene query per word of the topic (schema/terms.ts);
// $collection, $series (lower-case), $from, $to: null for any; $first: how
// many meetings; $cutoff, $relative, $planned, $again, $template,
// $templateChars, $short, $near, $named: the calibration (api/calibration.ts).
// @include topic-words
// @include topic-threads
// @include discussion-rank
RETURN m.id AS id, score
