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
// (the whole thread when it opens with it or is short).
// $groups: one Lucene query per word of the topic, built by schema/terms.ts
// (never user text); $collection, $series (lower-case), $from, $to: null for
// any; $first: how many meetings; $cutoff, $relative, $planned, $again,
// $short: the calibration (api/calibration.ts).
MATCH (every:Passage)
WITH count(every) AS total
UNWIND range(0, size($groups) - 1) AS g
CALL {
  WITH g
  CALL db.index.fulltext.queryNodes('passage_terms', $groups[g], {limit: 20000}) YIELD node
  RETURN collect(node) AS hits
}
WITH g, hits, log(1.0 + toFloat(total) / (1 + size(hits))) AS idf
ORDER BY g
WITH collect(idf) AS idfs, collect(hits) AS hitsByGroup
WITH idfs, hitsByGroup, reduce(s = 0.0, w IN idfs | s + w) AS weight
UNWIND range(0, size(idfs) - 1) AS g
UNWIND hitsByGroup[g] AS x
WITH idfs, weight, x, collect(g) AS gs
WHERE $collection IS NULL OR x.collection = $collection
WITH idfs, weight, x, gs, reduce(s = 0.0, g IN gs | s + idfs[g]) / weight AS cov
WITH idfs, weight, x.meetingId AS mid, x.thread AS thread, collect({x: x, gs: gs, cov: cov}) AS hits
WITH mid, thread, hits,
     reduce(s = 0.0, g IN reduce(acc = [], h IN hits | acc + [g IN h.gs WHERE NOT g IN acc]) | s + idfs[g]) / weight AS coverage
WHERE coverage >= 0.5
// Each passage's role, head and place read once.
WITH mid, thread, coverage, [h IN hits | {x: h.x, cov: h.cov, said: h.x.role IS NULL, head: h.x.head, idx: h.x.idx}] AS hits
WITH mid, thread, coverage, hits,
     [h IN hits WHERE h.cov >= 0.5 AND h.said | h.idx] AS said,
     size([h IN hits WHERE h.cov >= 0.5 AND h.head]) > 0 AS headed,
     size([h IN hits WHERE h.cov >= 0.75 AND h.idx = thread AND h.said]) AS opens,
     reduce(b = 0.0, h IN hits | CASE WHEN h.said AND h.cov > b THEN h.cov ELSE b END) AS bestSaid,
     reduce(b = 0.0, h IN hits | CASE WHEN h.cov > b THEN h.cov ELSE b END) AS best
// The thread's score: how much of the topic it holds (its words weighted by
// rarity), times how much of it one passage says, a passage that is only
// planned (agenda) or a link counting for less; more when said again.
WITH mid, thread, coverage, hits, said, headed, opens,
     coverage * coverage * (CASE WHEN bestSaid > 0 THEN bestSaid ELSE $planned * best END) * (1 + $again * log(1 + size(said))) AS score
WHERE score >= $cutoff
// How many passages the thread says (not plans).
CALL {
  WITH mid, thread
  MATCH (y:Passage {meetingId: mid})
  WHERE y.thread = thread AND y.role IS NULL
  RETURN count(y) AS size
}
// Who spoke about it: the whole thread when its head item names the topic, when it
// opens with it, or when it is short; else the stretch that says it.
WITH mid, thread, score, hits, said, headed OR (opens > 0 AND size <= $short) OR size <= $short AS whole
MATCH (m:Meeting {id: mid})
WHERE ($series IS NULL OR m.series = $series)
  AND ($from IS NULL OR m.date >= $from)
  AND ($to IS NULL OR m.date <= $to)
// The stretch that talks about it: the whole thread, or its first to last passage that says most of it.
WITH m, score, said, [h IN hits WHERE h.cov >= 0.5] AS saying, {
       thread: thread,
       lo: CASE WHEN whole THEN -1 ELSE reduce(lo = 1000000, i IN said | CASE WHEN i < lo THEN i ELSE lo END) END,
       hi: CASE WHEN whole THEN 1000000 ELSE reduce(hi = -1, i IN said | CASE WHEN i > hi THEN i ELSE hi END) END
     } AS stretch
// A meeting's discussion is its best thread; meetings far below the best one are left out.
WITH m, max(score) AS score, collect(stretch) AS stretches, reduce(acc = [], l IN collect(saying) | acc + l) AS passages
WITH collect({m: m, score: score, stretches: stretches, passages: passages}) AS rows
WITH rows, reduce(t = 0.0, r IN rows | CASE WHEN r.score > t THEN r.score ELSE t END) AS top
UNWIND rows AS r
WITH r.m AS m, r.score AS score, r.stretches AS stretches, r.passages AS passages, top
WHERE score >= $relative * top
ORDER BY score DESC, m.date DESC, m.id
LIMIT $first
CALL {
  WITH m, stretches
  UNWIND stretches AS s
  MATCH (y:Passage {meetingId: m.id})-[:SPOKEN_BY]->(p:Person)
  WHERE y.thread = s.thread AND y.idx >= s.lo AND y.idx <= s.hi AND y.role IS NULL
  RETURN collect(DISTINCT p) AS everyone
}
// A first name alone ("alex") is the one fuller name in the answer it begins or is an alias of.
WITH collect({m: m, score: score, people: everyone, passages: passages}) AS rows
WITH rows, reduce(acc = [], r IN rows | acc + [p IN r.people WHERE NOT p IN acc]) AS everyone
// The fuller names with their first names and aliases, lower-cased once.
WITH rows, [q IN everyone WHERE q.name CONTAINS ' ' | {q: q, first: toLower(split(q.name, ' ')[0]), aliases: [a IN q.aliases | toLower(a)]}] AS fuller
UNWIND rows AS r
WITH r, fuller, [p IN r.people | {p: p, name: p.name, key: toLower(p.name)}] AS people
WITH r, [n IN people |
  CASE WHEN n.name CONTAINS ' ' THEN n.p ELSE
    CASE WHEN size([f IN fuller WHERE f.first = n.key OR n.key IN f.aliases]) = 1
         THEN [f IN fuller WHERE f.first = n.key OR n.key IN f.aliases][0].q
         ELSE n.p END
  END] AS mapped
WITH r.m AS m, r.score AS score, r.passages AS passages, reduce(acc = [], p IN mapped | CASE WHEN p IN acc THEN acc ELSE acc + [p] END) AS people
// The passages that say most of it, at most 50, in source order.
UNWIND passages AS h
WITH m, score, people, h ORDER BY h.cov DESC, h.idx
WITH m, score, people, collect(h.x)[0..50] AS xs
UNWIND xs AS x
WITH m, score, people, x ORDER BY x.idx
WITH m, score, people, collect(x {.*, collection: m.collection, path: m.path, meetingUrl: m.url}) AS passages
RETURN m {.*} AS meeting, [p IN people | p {.id, .name, .aliases}] AS people, passages, score
ORDER BY score DESC, meeting.date DESC, meeting.id
