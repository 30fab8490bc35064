// Links people to the meetings they attended or spoke in (or were only named
// in, as an owner or a party to a decision), creating people not seen before.
// Names and aliases are settled afterwards (person-forms.cypher). A person or a
// relationship holds `aliases` and `handles` only when there are some: an empty
// list is not stored (readers take a missing list as empty), so a graph built
// by neo4j-admin import, which cannot write one, is the same (ingest/bulk/).
// $rows: [{person, meeting, attended, spoke, named, forms, handles}].
// (replan=skip: the plan starts from unique keys, so it does not change as the graph grows.)
CYPHER replan=skip
UNWIND $rows AS row
MERGE (p:Person {id: row.person})
  ON CREATE SET p.name = row.forms[0]
WITH p, row, CASE WHEN size(row.handles) > 0 THEN row.handles END AS handles
MATCH (m:Meeting {id: row.meeting})
FOREACH (_ IN CASE WHEN row.attended THEN [1] ELSE [] END |
  CREATE (p)-[:ATTENDED {forms: row.forms, handles: handles}]->(m))
FOREACH (_ IN CASE WHEN row.spoke > 0 THEN [1] ELSE [] END |
  CREATE (p)-[:SPOKE_IN {forms: row.forms, handles: handles, passages: row.spoke}]->(m))
FOREACH (_ IN CASE WHEN NOT row.attended AND row.spoke = 0 AND row.named THEN [1] ELSE [] END |
  CREATE (p)-[:NAMED_IN {forms: row.forms, handles: handles}]->(m))
