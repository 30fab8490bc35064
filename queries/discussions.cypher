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
// (the whole thread when its head item names it or it is short; else the
// passages that say it and their near neighbours).
// $groups: one Lucene query per word of the topic, built by schema/terms.ts
// (never user text); $collection, $series (lower-case), $from, $to: null for
// any; $first: how many meetings; $cutoff, $relative, $planned, $again,
// $template, $templateChars, $short, $near, $named: the calibration
// (api/calibration.ts); $people, $passages: whether the people and the
// passages are returned (false: left empty, for a request that does not ask
// for them).
// @include topic-words
// @include topic-threads
// @include discussion-rank
// Who spoke about it: the whole thread when its head item names the topic or
// when it is short (it says $short passages or fewer); else, from its first
// to its last passage that says most of it, those passages with their near
// neighbours (the turns that lead to them and answer them), so that a
// transcript whose thread is the whole meeting gives the speakers of the talk
// about it, not of the hour between two mentions. A stretch the ranking
// bounded already (from a pointer to the item) is taken as it is.
CALL (m, stretches) {
  WITH m, stretches WHERE $people
  UNWIND stretches AS s
  CALL (m, s) {
    WITH m, s WHERE s.lo IS NULL AND NOT s.headed
    MATCH (y:Passage {meetingId: m.id})
    WHERE y.thread = s.thread AND y.role IS NULL
    RETURN count(y) AS size
  }
  WITH m, CASE
      WHEN s.lo IS NOT NULL THEN s
      WHEN s.headed OR size <= $short THEN {thread: s.thread, lo: -1, hi: 1000000, at: null}
      ELSE {
        thread: s.thread,
        lo: reduce(lo = 1000000, i IN s.said | CASE WHEN i < lo THEN i ELSE lo END),
        hi: reduce(hi = -1, i IN s.said | CASE WHEN i > hi THEN i ELSE hi END),
        at: s.said
      }
    END AS s
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
WITH m, score, people, collect(x) AS xs
RETURN m {.*} AS meeting, [p IN people | p {.id, .name, .aliases}] AS people,
       CASE WHEN $passages THEN [x IN xs | x {.*, collection: m.collection, path: m.path, meetingUrl: m.url}] ELSE [] END AS passages, score
ORDER BY score DESC, meeting.date DESC, meeting.id
