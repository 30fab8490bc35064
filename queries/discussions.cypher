// Where was this topic discussed, and who spoke about it there? Meetings best
// first, each with its score. A thread (a section, or a top-level item with
// what is nested under it; agenda lines join the thread they announce) is
// scored by how much of the topic its passages hold together (its words
// weighted by how rare each is), times how much of it one passage says (a
// passage only planned, on an agenda, or only a link, counts for less),
// more when it is said again. A meeting's discussion is its best thread;
// threads under one cut-off, and meetings far below the best meeting, are
// left out (api/calibration.ts, calibrated on all collections at once). The
// people are the speakers of the stretch of the thread that talks about it
// (the whole thread when it opens with it or is short; else the passages that
// say it and their near neighbours).
// $groups: one Lucene query per word of the topic, built by schema/terms.ts
// (never user text); $collection, $series (lower-case), $from, $to: null for
// any; $first: how many meetings; $cutoff, $relative, $planned, $again,
// $template, $templateChars, $short, $near, $named: the calibration
// (api/calibration.ts).
// @include topic-words
// @include topic-threads
// @include discussion-rank
CALL {
  WITH m, stretches
  UNWIND stretches AS s
  MATCH (y:Passage {meetingId: m.id})-[:SPOKEN_BY]->(p:Person)
  WHERE y.thread = s.thread AND y.idx >= s.lo AND y.idx <= s.hi AND y.role IS NULL
    AND (s.at IS NULL OR any(i IN s.at WHERE abs(y.idx - i) <= $near))
  RETURN collect(DISTINCT p) AS everyone
}
// People are read as the people stage resolved them at ingest (a first name alone
// is the full name its meeting, series or collection writes it for).
WITH m, score, passages, everyone AS people
// The passages that say most of it, at most 50, in source order.
UNWIND passages AS h
WITH m, score, people, h ORDER BY h.cov DESC, h.idx
WITH m, score, people, collect(h.x)[0..50] AS xs
UNWIND xs AS x
WITH m, score, people, x ORDER BY x.idx
WITH m, score, people, collect(x {.*, collection: m.collection, path: m.path, meetingUrl: m.url}) AS passages
RETURN m {.*} AS meeting, [p IN people | p {.id, .name, .aliases}] AS people, passages, score
ORDER BY score DESC, meeting.date DESC, meeting.id
