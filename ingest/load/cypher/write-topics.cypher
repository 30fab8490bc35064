// Creates topics (shared across meetings) and ties them to the meetings and
// passages that discuss them, weighted by how much was said. DISCUSSES also
// records where the meeting found the topic (kind: thread, agenda, phrase,
// reference, decision) and the references the topic names there (a
// reference's title and its id name one subject), so aliases go with the
// meeting that made them. `refs` is not stored when empty (an empty list is
// not stored; readers take a missing list as empty).
// $rows: [{id, meeting, name, terms, query, weight, kind, refs, passages: [passage ids]}].
// (replan=skip: the plan starts from unique keys, so it does not change as the graph grows.)
CYPHER replan=skip
UNWIND $rows AS row
MERGE (t:Topic {id: row.id})
  ON CREATE SET t.name = row.name, t.terms = row.terms, t.query = row.query
WITH t, row
MATCH (m:Meeting {id: row.meeting})
CREATE (m)-[:DISCUSSES {weight: row.weight, kind: row.kind, refs: CASE WHEN size(row.refs) > 0 THEN row.refs END}]->(t)
WITH t, row
UNWIND row.passages AS pid
MATCH (x:Passage {id: pid})
CREATE (x)-[:ABOUT]->(t)
