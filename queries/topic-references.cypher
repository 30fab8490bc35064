// Which references does this topic name? Those a meeting of the collection
// names (their title, the agenda line or heading they are the link of: the
// Topic nodes whose DISCUSSES relationship lists them) with most of the
// topic's words, weighted by how rare each word is among passages.
// $groups: one Lucene query per word of the topic, built by schema/terms.ts
// (never user text); $collection: null for any; $named: the share of the
// topic a name must hold (api/calibration.ts).
MATCH (every:Passage)
WITH count(every) AS total
UNWIND range(0, size($groups) - 1) AS g
CALL (g) {
  CALL db.index.fulltext.queryNodes('passage_terms', $groups[g], {limit: 20000}) YIELD node
  RETURN count(node) AS hits
}
WITH g, log(1.0 + toFloat(total) / (1 + hits)) AS idf
ORDER BY g
WITH collect(idf) AS idfs
WITH idfs, reduce(s = 0.0, w IN idfs | s + w) AS weight
UNWIND range(0, size(idfs) - 1) AS g
CALL db.index.fulltext.queryNodes('topic_terms', $groups[g], {limit: 5000}) YIELD node
WITH idfs, weight, node AS t, collect(g) AS gs
WITH t, reduce(s = 0.0, g IN gs | s + idfs[g]) / weight AS named
WHERE named >= $named
MATCH (m:Meeting)-[d:DISCUSSES]->(t)
WHERE ($collection IS NULL OR m.collection = $collection) AND size(d.refs) > 0
UNWIND d.refs AS id
RETURN id, max(named) AS named
ORDER BY named DESC, id
