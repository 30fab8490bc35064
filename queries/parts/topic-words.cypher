// Part (composed into a query by api/queries.ts where it says
// `// @include topic-words`): the topic's words. For each Lucene query of
// $groups (one per word of the topic, schema/terms.ts) the passages that hold
// it (`hitsByGroup`) and its weight, how rare it is among all passages
// (`idfs`); `weight` is their sum. Titles are joined to ids: a passage that
// points at an issue or PR one of whose names (its title, the agenda line or
// heading it is the link of) holds $named of the topic holds that name's
// words too ("merge #1073" says "strict error paths" when #1073 is titled so).
// $collection: null for any.
MATCH (every:Passage)
WITH count(every) AS total
UNWIND range(0, size($groups) - 1) AS g
CALL (g) {
  CALL db.index.fulltext.queryNodes('passage_terms', $groups[g], {limit: 20000}) YIELD node
  RETURN collect(node) AS hits
}
WITH g, hits, log(1.0 + toFloat(total) / (1 + size(hits))) AS idf
ORDER BY g
WITH collect(idf) AS idfs, collect(hits) AS hitsByGroup
WITH idfs, hitsByGroup, reduce(s = 0.0, w IN idfs | s + w) AS weight
CALL (idfs, weight) {
  UNWIND range(0, size(idfs) - 1) AS g
  CALL db.index.fulltext.queryNodes('topic_terms', $groups[g], {limit: 5000}) YIELD node
  WITH idfs, weight, node AS t, collect(g) AS gs
  WHERE reduce(s = 0.0, g IN gs | s + idfs[g]) / weight >= $named
  MATCH (m:Meeting)-[d:DISCUSSES]->(t)
  WHERE ($collection IS NULL OR m.collection = $collection) AND size(d.refs) > 0
  UNWIND d.refs AS rid
  UNWIND gs AS g
  WITH rid, collect(DISTINCT g) AS gs
  MATCH (:Reference {id: rid})<-[:MENTIONS]-(x:Passage)
  WHERE $collection IS NULL OR x.collection = $collection
  RETURN collect({x: x, gs: gs}) AS named
}
WITH idfs, weight, [g IN range(0, size(idfs) - 1) | hitsByGroup[g] + [n IN named WHERE g IN n.gs | n.x]] AS hitsByGroup
