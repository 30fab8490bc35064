// Creates topics (shared across meetings) and ties them to the meetings and
// passages that discuss them, weighted by how much was said.
// $rows: [{id, meeting, name, terms, weight, passages: [passage ids]}].
UNWIND $rows AS row
MERGE (t:Topic {id: row.id})
  ON CREATE SET t.name = row.name, t.terms = row.terms
WITH t, row
MATCH (m:Meeting {id: row.meeting})
CREATE (m)-[:DISCUSSES {weight: row.weight}]->(t)
WITH t, row
UNWIND row.passages AS pid
MATCH (x:Passage {id: pid})
CREATE (x)-[:ABOUT]->(t)
