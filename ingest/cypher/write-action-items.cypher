// Creates action items with their owners.
// $rows: [{id, meeting, owner (person id or null), props: {meetingId, text, startLine, endLine, ownerGroup}}].
// (replan=skip: the plan starts from unique keys, so it does not change as the graph grows.)
CYPHER replan=skip
UNWIND $rows AS row
MATCH (m:Meeting {id: row.meeting})
CREATE (a:ActionItem {id: row.id})
SET a += row.props
CREATE (a)-[:IN]->(m)
WITH a, row
WHERE row.owner IS NOT NULL
MATCH (p:Person {id: row.owner})
CREATE (a)-[:OWNED_BY]->(p)
