// Creates references (shared across meetings) and ties them to the meetings
// and passages that mention them. The first title seen is kept.
// $rows: [{id, meeting, kind, url, title, terms, lines, passages: [passage ids]}].
// (replan=skip: the plan starts from unique keys, so it does not change as the graph grows.)
CYPHER replan=skip
UNWIND $rows AS row
MERGE (r:Reference {id: row.id})
  ON CREATE SET r.kind = row.kind, r.url = row.url
SET r.title = coalesce(r.title, row.title),
    r.terms = coalesce(r.title, row.title, '') + ' ' + row.terms
WITH r, row
MATCH (m:Meeting {id: row.meeting})
CREATE (m)-[:REFERENCES {lines: row.lines}]->(r)
WITH r, row
UNWIND row.passages AS pid
MATCH (x:Passage {id: pid})
CREATE (x)-[:MENTIONS]->(r)
