// What was decided about this topic? Decisions best match first, each scored
// by the share of the topic (its words weighted by how rare each is) held by
// its own words (text, section heading, topic), or by the discussion it was
// taken in: a thread whose passages hold the topic's words (see
// discussions.cypher), within the stretch that talks about it; a section
// whose opening passage names it, for the decisions of its sub-sections; a
// reference whose name (title, agenda line) holds it, for the decisions
// citing it. Those under one cut-off are left out.
// $groups: one Lucene query per word of the topic, built by schema/terms.ts
// (never user text); $collection, $series (lower-case), $from, $to: null for
// any; $first: how many; $cutoff, $context, $named: the calibration
// (api/calibration.ts).
// @include topic-words
// Decisions whose own words hold the topic, in the meetings asked for.
CALL (idfs, weight) {
  UNWIND range(0, size(idfs) - 1) AS g
  CALL db.index.fulltext.queryNodes('decision_terms', $groups[g], {limit: 5000}) YIELD node
  WITH idfs, weight, node AS d, collect(g) AS gs
  WHERE $collection IS NULL OR d.collection = $collection
  MATCH (d)-[:IN]->(m:Meeting)
  WHERE ($series IS NULL OR m.series = $series)
    AND ($from IS NULL OR m.date >= $from)
    AND ($to IS NULL OR m.date <= $to)
  RETURN collect({d: d, own: reduce(s = 0.0, g IN gs | s + idfs[g]) / weight}) AS owned
}
// A decision found only through its discussion scores at most $context (its
// thread holding all of the topic). When $first decisions score more on
// their own words, no other can rank among them: the discussions are not
// read (a common word, "release", is in thousands of threads).
WITH idfs, weight, hitsByGroup, owned, size([o IN owned WHERE o.own > $context]) >= $first AS enough
CALL (owned, idfs, weight, hitsByGroup, enough) {
  UNWIND owned AS o
  RETURN o.d AS d, o.own AS own, 0.0 AS context
  UNION ALL
  // Decisions taken where the topic was discussed.
  WITH idfs, weight, hitsByGroup WHERE NOT enough
  // @include topic-threads
  // Threads whose passages said (not agenda lines or links) hold most of it.
  WITH mid, thread, spoken AS coverage, hits
  WHERE coverage >= 0.75
  WITH mid, thread, coverage, [h IN hits WHERE h.x.role IS NULL AND h.cov >= 0.5 | h.x] AS said
  WHERE size(said) > 0
  // Where it is said: the stretch from the first to the last passage saying
  // it, and whether the thread's head item says it (then all of it is about
  // the topic).
  WITH mid, thread, coverage, [x IN said | x.idx] AS saying,
       size([x IN said WHERE x.head]) > 0 AS headed,
       reduce(lo = 100000000, x IN said | CASE WHEN x.startLine < lo THEN x.startLine ELSE lo END) AS lo,
       reduce(hi = -1, x IN said | CASE WHEN x.endLine > hi THEN x.endLine ELSE hi END) AS hi
  // The decisions of those meetings, by their meetingId (which ingest writes
  // with their IN relationship: most of a meeting's IN relationships are its
  // passages').
  WITH collect({mid: mid, thread: thread, coverage: coverage, saying: saying, headed: headed, lo: lo, hi: hi,
                last: reduce(l = -1, i IN saying | CASE WHEN i > l THEN i ELSE l END)}) AS stretches
  MATCH (d:Decision)
  WHERE d.meetingId IN [s IN stretches | s.mid]
  WITH d, d.meetingId AS mid, d.startLine AS line, stretches
  UNWIND [s IN stretches WHERE s.mid = mid AND line >= s.lo AND line <= s.hi + 3] AS s
  WITH d, s
  // Taken in the discussion: in a passage of the stretch that says the topic
  // itself (its words or its heading's), anywhere in a thread whose head item
  // says it, or in the passage that closes the thread, a few lines after the
  // last one saying it (a section's "Resolution: …"). Note: a flat list of items
  // is one thread, and an item between or after those that say the topic has
  // a subject of its own.
  WHERE EXISTS {
    MATCH (y:Passage {meetingId: s.mid})
    WHERE y.thread = s.thread AND y.startLine <= d.startLine AND y.endLine >= d.startLine
      AND (s.headed OR y.idx IN s.saying
        OR (y.idx > s.last AND NOT EXISTS { MATCH (z:Passage {meetingId: s.mid}) WHERE z.thread = s.thread AND z.idx > y.idx }))
  }
  RETURN d, 0.0 AS own, s.coverage AS context
  UNION ALL
  // Decisions in the sub-sections of a section whose opening passage names
  // the topic ("## Discussion: today we looked at raw string literals" over
  // "### Interpolation … #### Conclusion").
  WITH idfs, weight, hitsByGroup WHERE NOT enough
  UNWIND range(0, size(idfs) - 1) AS g
  UNWIND hitsByGroup[g] AS x
  WITH idfs, weight, x, collect(g) AS gs
  WHERE ($collection IS NULL OR x.collection = $collection) AND x.role IS NULL AND x.idx = x.thread
  WITH x, reduce(s = 0.0, g IN gs | s + idfs[g]) / weight AS cov
  WHERE cov >= 0.75
  MATCH (d:Decision {meetingId: x.meetingId})
  WHERE d.section STARTS WITH x.section + ' › '
  RETURN d, 0.0 AS own, cov AS context
  UNION ALL
  // Decisions that cite a reference whose name (its title, the agenda line or heading it is the link of) holds the topic.
  WITH idfs, weight WHERE NOT enough
  UNWIND range(0, size(idfs) - 1) AS g
  CALL db.index.fulltext.queryNodes('topic_terms', $groups[g], {limit: 5000}) YIELD node
  WITH idfs, weight, node AS t, collect(g) AS gs
  WITH t, reduce(s = 0.0, g IN gs | s + idfs[g]) / weight AS named
  WHERE named >= 0.75
  MATCH (:Meeting)-[named_in:DISCUSSES]->(t)
  UNWIND named_in.refs AS rid
  WITH rid, max(named) AS named
  MATCH (d:Decision)-[:CITES]->(:Reference {id: rid})
  WHERE $collection IS NULL OR d.collection = $collection
  RETURN d, 0.0 AS own, named AS context
}
WITH d, max(own) AS own, max(context) AS context
// Its own words count in full, the discussion it was taken in a little less;
// one cut-off for every collection (api/calibration.ts).
WITH d, CASE WHEN own >= $context * context THEN own ELSE $context * context END AS score
WHERE score >= $cutoff
MATCH (d)-[:IN]->(m:Meeting)
WHERE ($series IS NULL OR m.series = $series)
  AND ($from IS NULL OR m.date >= $from)
  AND ($to IS NULL OR m.date <= $to)
RETURN d {.*, collection: m.collection, path: m.path, meetingUrl: m.url} AS decision, score
ORDER BY score DESC, m.date DESC, d.id
LIMIT $first
