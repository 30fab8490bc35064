// When did this reference (or topic) come up? Every meeting that points at
// the reference or discusses it under one of its names, oldest first, with
// the passages that do and the decisions taken in those threads. A
// reference's names are the topics that name it somewhere (its title, the
// agenda line it is the first link of, the heading of a thread it is the
// only link of); a meeting that only uses a name counts when one passage
// says a name of two or more words as a phrase, or two passages say a
// one-word name.
// A topic asked in free text follows the references it names (their ids
// found by topic-references.cypher) and the meetings where it is discussed
// (discussions.cypher), not every passage with its words.
// $refs: canonical reference ids (the one asked, or those the topic names);
// $query: Lucene query over passage terms for the topic (schema/terms.ts
// builds it; never user text), or null; $discussed: ids of the meetings whose
// passages saying the topic count, or null for all; $collection: null for all;
// $decisions, $passages: whether the decisions and the passages are returned
// (false: each entry's list is left empty, for a request that does not ask for
// them; the passages still find and order the meetings).
CALL () {
  // Passages that point at the reference.
  MATCH (r:Reference)<-[:MENTIONS]-(x:Passage)
  WHERE r.id IN $refs AND ($collection IS NULL OR x.collection = $collection)
  RETURN x, 1 AS strength, 1.0 AS score
  UNION
  // Meetings that point at it without a passage (a definition, a heading link).
  MATCH (r:Reference)<-[:REFERENCES]-(m:Meeting)
  WHERE r.id IN $refs AND ($collection IS NULL OR m.collection = $collection)
    AND NOT EXISTS { MATCH (r)<-[:MENTIONS]-(:Passage {meetingId: m.id}) }
  MATCH (x:Passage {meetingId: m.id})
  WITH m, x ORDER BY x.idx
  WITH m, collect(x)[0] AS x
  WHERE x IS NOT NULL
  RETURN x, 1 AS strength, 1.0 AS score
  UNION
  // Passages that say one of its names. A name is its title, or one said in
  // hardly more meetings than point at the reference: a name said all over
  // the collection is a label or a status ("FCP", "done", "needs review"), not a
  // name of this item.
  MATCH (r:Reference)<-[:REFERENCES]-(pointing:Meeting)
  WHERE r.id IN $refs
  WITH r, count(pointing) AS pointing
  MATCH (r)<-[:REFERENCES]-(:Meeting)-[d:DISCUSSES]->(t:Topic)
  WHERE r.id IN d.refs AND t.query IS NOT NULL AND t.id <> ''
  WITH DISTINCT r, pointing, t
  // Each name once, however many of the references it names: kept when it
  // is one's title (compared as written, but for case, hyphens and
  // underscores) or said in few enough meetings for the one most pointed at.
  WITH t.id AS name, max(pointing) AS pointing,
       max(CASE WHEN replace(replace(toLower(t.name), '-', ' '), '_', ' ') = replace(replace(toLower(r.title), '-', ' '), '_', ' ') THEN 1 ELSE 0 END) = 1 AS titled
  // The name said as written: its terms in order, a phrase of the index (a
  // topic's id is its terms, [a-z0-9] words joined by spaces). The best
  // 200 passages first: a word said everywhere ("block", "done") is
  // already in too many meetings there, and is not read further.
  CALL (name) {
    CALL db.index.fulltext.queryNodes('passage_terms', '"' + name + '"', {limit: 200}) YIELD node
    WITH collect(node) AS found
    WITH found, [n IN found WHERE $collection IS NULL OR n.collection = $collection] AS said
    RETURN said, size(found) < 200 AS whole, size(reduce(ms = [], n IN said | CASE WHEN n.meetingId IN ms THEN ms ELSE ms + n.meetingId END)) AS meetings
  }
  WITH name, pointing, titled, said, whole, meetings WHERE titled OR meetings <= 2 * pointing + 2
  CALL (name, whole) {
    WITH name WHERE NOT whole
    CALL db.index.fulltext.queryNodes('passage_terms', '"' + name + '"', {limit: 2000}) YIELD node
    WHERE $collection IS NULL OR node.collection = $collection
    RETURN collect(node) AS all, count(DISTINCT node.meetingId) AS allMeetings
  }
  WITH name, pointing, titled, CASE WHEN whole THEN said ELSE all END AS said, CASE WHEN whole THEN meetings ELSE allMeetings END AS meetings
  WHERE titled OR meetings <= 2 * pointing + 2
  UNWIND said AS node
  RETURN node AS x, CASE WHEN name CONTAINS ' ' THEN 1 ELSE 0 END AS strength, 0.5 AS score
  UNION
  // Passages that say the topic asked for.
  CALL db.index.fulltext.queryNodes('passage_terms', coalesce($query, 'qrmnomatch'), {limit: 2000}) YIELD node
  WHERE $query IS NOT NULL AND ($collection IS NULL OR node.collection = $collection)
    AND ($discussed IS NULL OR node.meetingId IN $discussed)
  RETURN node AS x, 1 AS strength, 1.0 AS score
}
// A meeting scores 1 when it points at the reference, 0.5 when it only names it.
WITH x.meetingId AS mid, collect(DISTINCT x) AS xs, max(strength) AS strength, count(DISTINCT x) AS n, max(score) AS score
WHERE strength = 1 OR n >= 2
MATCH (m:Meeting {id: mid})
WITH collect({m: m, mid: mid, xs: xs, score: score}) AS rows, collect(mid) AS mids
// The decisions of those meetings (by their meetingId, which ingest writes
// with their IN relationship: most of a meeting's IN relationships are its
// passages').
CALL (mids) {
  WITH mids WHERE $decisions
  MATCH (d:Decision)
  WHERE d.meetingId IN mids
  RETURN collect({mid: d.meetingId, d: d}) AS ds
}
UNWIND rows AS r
WITH r.m AS m, r.xs AS xs, r.score AS score, [c IN ds WHERE c.mid = r.mid | c.d] AS candidates
// The decisions taken in the threads of those passages (a passage of one of
// the threads holds the decision's first line), or citing the reference. By
// first line; two on one line as the passages found them (the thread found
// first), then as the meeting lists its decisions.
CALL (m, xs, candidates) {
  WITH m, xs, candidates WHERE size(candidates) > 0
  WITH m, candidates, reduce(ts = [], x IN xs | CASE WHEN x.thread IS NULL OR x.thread IN ts THEN ts ELSE ts + x.thread END) AS threads
  UNWIND threads AS thread
  OPTIONAL MATCH (y:Passage {meetingId: m.id, thread: thread})
  WITH m, candidates, threads, collect(y {.thread, .startLine, .endLine}) AS spans
  UNWIND candidates AS d
  WITH m, threads, spans, d, d.startLine AS line
  WITH m, threads, d, [s IN spans WHERE s.startLine <= line AND s.endLine >= line | s.thread] AS holding
  WITH m, d, CASE WHEN EXISTS { MATCH (d)-[:CITES]->(c:Reference) WHERE c.id IN $refs } THEN 0
    ELSE head([i IN range(0, size(threads) - 1) WHERE threads[i] IN holding])
  END AS found
  WHERE found IS NOT NULL
  WITH m, collect({d: d, key: [d.startLine, found]}) AS ds
  CALL (m, ds) {
    WITH m WHERE size(ds) > size(reduce(ks = [], e IN ds | CASE WHEN e.key IN ks THEN ks ELSE ks + [e.key] END))
    MATCH (m)<-[:IN]-(e:Decision)
    RETURN collect(e) AS listed
  }
  UNWIND ds AS e
  WITH e.d AS d, e.key AS key, listed
  ORDER BY key[0], key[1], [i IN range(0, size(listed) - 1) WHERE listed[i] = d][0]
  RETURN collect(d) AS decisions
}
UNWIND xs AS x
WITH m, score, decisions, x ORDER BY x.idx
WITH m, score, decisions, collect(x) AS xs
RETURN m {.*} AS meeting, score,
       CASE WHEN $passages THEN [x IN xs | x {.*, collection: m.collection, path: m.path, meetingUrl: m.url}] ELSE [] END AS passages,
       [d IN decisions | d {.*, collection: m.collection, path: m.path, meetingUrl: m.url}] AS decisions
ORDER BY m.date IS NULL, m.date, m.collection, m.path
