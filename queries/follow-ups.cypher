// Which pull requests and issues followed from this topic? The ones pointed at
// in its discussions (threads that hold the topic's words, see
// discussions.cypher: the whole thread when its heading names the topic,
// else the stretch that talks about it, with the agenda line that announced
// it) and on any line that names the topic, in the order they first appear,
// each with the first meeting that ties it to the topic.
// $groups: one Lucene query per word of the topic, built by schema/terms.ts
// (never user text); $collection, $series (lower-case), $from, $to: null for
// any; $first: how many; $named: the calibration (api/calibration.ts).
// @include topic-words
// @include topic-threads
WHERE coverage >= 0.75
// Each passage's role, head and place read once.
WITH mid, thread, coverage, [h IN hits | {x: h.x, cov: h.cov, said: h.x.role IS NULL, head: h.x.head, idx: h.x.idx}] AS hits
WITH mid, thread, coverage, hits,
     [h IN hits WHERE h.cov >= 0.5 AND h.said | h.idx] AS said,
     [h IN hits WHERE h.cov >= 0.5 AND h.head | h.x] AS head,
     size([h IN hits WHERE h.cov >= 0.75 AND h.said]) AS named,
     size([h IN hits WHERE h.cov >= 0.6 AND h.said]) AS most,
     size([h IN hits WHERE h.cov >= 0.75 AND h.idx = thread AND h.said]) AS opens,
     [h IN hits WHERE h.cov >= 0.75 | h.x] AS naming
MATCH (m:Meeting {id: mid})
WHERE ($series IS NULL OR m.series = $series)
  AND ($from IS NULL OR m.date >= $from)
  AND ($to IS NULL OR m.date <= $to)
// Discussed as in discussions.cypher; the whole thread when it opens with the topic.
WITH m, thread, said, naming, size(head) > 0 OR (named > 0 AND size(said) >= 2) OR most >= 3 AS plain, size(head) > 0 AS headed, opens
// The passages of a thread that opens with the topic, when it has no head item.
CALL (m, thread, headed, opens) {
  UNWIND CASE WHEN opens > 0 AND NOT headed THEN [m.id] ELSE [] END AS mid
  MATCH (y:Passage {meetingId: mid})
  WHERE y.thread = thread AND y.role IS NULL
  RETURN count(y) AS passages
}
WITH m, thread, said, naming, plain, headed OR (opens > 0 AND passages <= 3) AS whole
WITH m, thread, said, naming, plain OR whole AS discussed,
     CASE WHEN whole THEN -1 ELSE reduce(lo = 1000000, i IN said | CASE WHEN i < lo THEN i ELSE lo END) END AS lo,
     CASE WHEN whole THEN 1000000 ELSE reduce(hi = -1, i IN said | CASE WHEN i > hi THEN i ELSE hi END) END AS hi
WHERE discussed OR size(naming) > 0
CALL (m, thread, naming, discussed, lo, hi) {
  // The references of the discussion (its stretch, and the agenda lines that
  // announced it) and those on a line that names the topic. A passage that
  // mentions a reference is in a meeting that references it, so they are
  // found from the meeting's references (few), not its passages (many).
  MATCH (m)-[:REFERENCES]->(r:Reference)<-[:MENTIONS]-(y:Passage)
  WHERE y.meetingId = m.id
    AND ((discussed AND y.thread = thread AND ((y.idx >= lo AND y.idx <= hi) OR y.role = 'agenda')) OR y IN naming)
  RETURN r, y
}
WITH r, m, min(y.startLine) AS line
WHERE r.kind IN ['PULL_REQUEST', 'ISSUE', 'RFC', 'DISCUSSION']
WITH r, m, line ORDER BY m.date IS NULL, m.date, m.collection, m.path, line
WITH r, collect(m)[0] AS first, collect(line)[0] AS line
RETURN r {.id, .kind, .url, .title} AS reference, first {.*} AS firstMeeting
ORDER BY first.date IS NULL, first.date, first.collection, first.path, line, r.id
LIMIT $first
