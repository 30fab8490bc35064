// Creates action items with their owners.
// $rows: [{id, meeting, owner (person id or null), props: {meetingId, text, startLine, endLine, ownerGroup}}].
UNWIND $rows AS row
MATCH (m:Meeting {id: row.meeting})
CREATE (a:ActionItem {id: row.id})
SET a += row.props
CREATE (a)-[:IN]->(m)
WITH a, row
WHERE row.owner IS NOT NULL
MATCH (p:Person {id: row.owner})
CREATE (a)-[:OWNED_BY]->(p)
