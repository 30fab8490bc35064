// Creates the acronyms meetings define ("Code of Conduct (CoC)"), each owned
// by its meeting (removed with it, as decisions are).
// $rows: [{id, meeting, props: {meetingId, collection, short, long, text, line}}].
// (replan=skip: the plan starts from unique keys, so it does not change as the graph grows.)
CYPHER replan=skip
UNWIND $rows AS row
MATCH (m:Meeting {id: row.meeting})
CREATE (a:Acronym {id: row.id})
SET a += row.props
CREATE (a)-[:IN]->(m)
