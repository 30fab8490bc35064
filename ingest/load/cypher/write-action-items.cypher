// Creates action items with their owners: an OWNED_BY edge to each person
// the task was given to, `rank` 0 for the first named (the item's owner).
// $rows: [{id, meeting, owner (person id or null), owners (person ids, owner first), props: {meetingId, text, startLine, endLine, ownerGroup}}].
// (replan=skip: the plan starts from unique keys, so it does not change as the graph grows.)
CYPHER replan=skip
UNWIND $rows AS row
MATCH (m:Meeting {id: row.meeting})
CREATE (a:ActionItem {id: row.id})
SET a += row.props
CREATE (a)-[:IN]->(m)
WITH a, row
UNWIND range(0, size(row.owners) - 1) AS rank
MATCH (p:Person {id: row.owners[rank]})
CREATE (a)-[:OWNED_BY {rank: rank}]->(p)
