// Part (composed into a query by api/queries.ts where it says
// `// @include discussion-rank`), after topic-words and topic-threads: the
// meetings where the topic is discussed, best first (the scoring described in
// discussions.cypher). Rows `m` (the meeting), `score`, `stretches` (each
// thread that talks about it: {thread, said: the places of the passages that
// say it, headed: whether its head item does}, or a stretch already bounded:
// {thread, lo, hi}) and `passages` (the passages saying it, each {x, cov,
// idx}), at most $first, ordered.
WHERE coverage >= 0.5
// Each passage's role, head and place read once. A line of the notes' template
// (written word for word in $template places of the collection) is not said in
// any one meeting: it counts as planned. Only a passage that says most of the
// topic is looked up.
WITH mid, thread, coverage, [h IN hits | {x: h.x, cov: h.cov, head: h.x.head, idx: h.x.idx,
       said: h.x.role IS NULL AND (h.cov < 0.5 OR h.x.same IS NULL OR size(h.x.text) < $templateChars
             OR COUNT { MATCH (y:Passage {same: h.x.same}) } < $template)}] AS hits
WITH mid, thread, coverage, hits,
     [h IN hits WHERE h.cov >= 0.5 AND h.said | h.idx] AS said,
     size([h IN hits WHERE h.cov >= 0.5 AND h.head]) > 0 AS headed,
     reduce(b = 0.0, h IN hits | CASE WHEN h.said AND h.cov > b THEN h.cov ELSE b END) AS bestSaid,
     reduce(b = 0.0, h IN hits | CASE WHEN h.cov > b THEN h.cov ELSE b END) AS best
// The thread's score: how much of the topic it holds (its words weighted by
// rarity), times how much of it one passage says, a passage that is only
// planned (agenda) or a link counting for less; more when said again.
WITH mid, thread, coverage, hits, said, headed,
     coverage * coverage * (CASE WHEN bestSaid > 0 THEN bestSaid ELSE $planned * best END) * (1 + $again * log(1 + size(said))) AS score
WHERE score >= $cutoff
MATCH (m:Meeting {id: mid})
WHERE ($series IS NULL OR m.series = $series)
  AND ($from IS NULL OR m.date >= $from)
  AND ($to IS NULL OR m.date <= $to)
// Where in the thread it is talked about is bounded by the reader, for the
// meetings it keeps (discussions.cypher: who spoke about it).
WITH m, score, [h IN hits WHERE h.cov >= 0.5] AS saying, {thread: thread, said: said, headed: headed} AS stretch
// A meeting's discussion is its best thread; meetings far below the best one are left out.
WITH m, max(score) AS score, collect(stretch) AS stretches, reduce(acc = [], l IN collect(saying) | acc + l) AS passages
WITH collect({m: m, score: score, stretches: stretches, passages: passages}) AS rows
WITH rows, reduce(t = 0.0, r IN rows | CASE WHEN r.score > t THEN r.score ELSE t END) AS top
// The item the best discussion is about: the issue or PR pointed at where its
// stretch opens (the nearest passage of its thread at or before the first that
// says the topic: "Issue 433: Alarms API time slipping" over the talk).
CALL (rows, top) {
  UNWIND [r IN rows WHERE r.score = top][0..1] AS best
  UNWIND best.stretches AS s
  WITH best, s, reduce(lo = 1000000, h IN best.passages | CASE WHEN h.x.thread = s.thread AND h.idx < lo THEN h.idx ELSE lo END) AS first
  MATCH (y:Passage {meetingId: best.m.id})-[:MENTIONS]->(item:Reference)
  WHERE y.thread = s.thread AND y.idx <= first AND item.kind IN ['PULL_REQUEST', 'ISSUE', 'RFC', 'DISCUSSION']
  WITH s, item ORDER BY y.idx DESC
  WITH s, collect(item)[0] AS item
  RETURN collect(DISTINCT item) AS items
}
// Another name the best discussion gives it ("Output from Declarative macro
// repetition counts project", "formerly …"; ingest/extract/topics/other-names.ts),
// as its collection writes it.
CALL (rows, top) {
  UNWIND [r IN rows WHERE r.score = top][0..1] AS best
  UNWIND best.stretches AS s
  MATCH (y:Passage {meetingId: best.m.id})
  WHERE y.thread = s.thread AND y.aka IS NOT NULL
  UNWIND y.aka AS name
  RETURN collect(DISTINCT {name: name, collection: best.m.collection}) AS names
}
// Other meetings that take the item up (a passage said there points at it)
// or use the other name (a passage said there says it) discuss the topic too,
// in other words; the people are those of the stretch the pointer or name
// opens (up to the next issue or PR pointed at). They are kept at the
// cut-off, under the meetings that say the topic.
CALL (rows, items, names, top) {
  CALL (items, names) {
    UNWIND items AS item
    MATCH (item)<-[:MENTIONS]-(z:Passage)
    RETURN z, item.id AS pointer
    UNION
    UNWIND names AS n
    CALL db.index.fulltext.queryNodes('passage_terms', '"' + n.name + '"', {limit: 200}) YIELD node
    WHERE node.collection = n.collection
    RETURN node AS z, '' AS pointer
  }
  WITH rows, top, z, pointer
  WHERE ($collection IS NULL OR z.collection = $collection) AND z.role IS NULL
    AND NOT z.meetingId IN [r IN rows | r.m.id]
  MATCH (m:Meeting {id: z.meetingId})
  WHERE ($series IS NULL OR m.series = $series)
    AND ($from IS NULL OR m.date >= $from)
    AND ($to IS NULL OR m.date <= $to)
  CALL (z, pointer) {
    MATCH (n:Passage {meetingId: z.meetingId})-[:MENTIONS]->(other:Reference)
    WHERE n.thread = z.thread AND n.idx > z.idx AND other.kind IN ['PULL_REQUEST', 'ISSUE', 'RFC', 'DISCUSSION'] AND other.id <> pointer
    RETURN min(n.idx) AS next
  }
  WITH m, z, CASE WHEN next IS NULL OR next > z.idx + $short THEN z.idx + $short ELSE next - 1 END AS hi, top
  WITH m, top, collect({thread: z.thread, lo: z.idx, hi: hi, at: null}) AS stretches, collect({x: z, cov: 0.0, idx: z.idx}) AS passages
  RETURN collect({m: m, score: $relative * top, stretches: stretches, passages: passages}) AS more
}
// (Unwound one list after the other: `rows + more`, a copy of every row with its passages,
// ran out of transaction memory at ten times the corpus, 740 meetings of one topic.)
CALL (rows, more) {
  UNWIND rows AS r
  RETURN r
  UNION ALL
  UNWIND more AS r
  RETURN r
}
WITH r.m AS m, r.score AS score, r.stretches AS stretches, r.passages AS passages, top
WHERE score >= $relative * top
ORDER BY score DESC, m.date DESC, m.id
LIMIT $first
