// Which passages say this? Passages whose normalised terms match the text,
// best first, with their meeting's coordinates for the source link, and the
// meeting and the speaker themselves (the answer's next level, already read).
// $query: Lucene query over index terms (schema/terms.ts builds it; never
// user text); $collection: null for all; $first: how many.
CALL db.index.fulltext.queryNodes('passage_terms', $query, {limit: 2000}) YIELD node, score
WHERE $collection IS NULL OR node.collection = $collection
WITH node, score
ORDER BY score DESC, node.id
LIMIT $first
MATCH (node)-[:IN]->(m:Meeting)
OPTIONAL MATCH (node)-[:SPOKEN_BY]->(p:Person)
RETURN node {.*, collection: m.collection, path: m.path, meetingUrl: m.url,
             meeting: m {.*},
             speaker: p {.*}} AS passage,
       score
