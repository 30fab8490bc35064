// Part (composed into a query by api/queries.ts where it says
// `// @include topic-words`): the topic's words. For each Lucene query of
// $groups (one per word of the topic, schema/terms.ts) the passages that hold
// it (`hitsByGroup`) and its weight, how rare it is among all passages
// (`idfs`); `weight` is their sum.
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
