// Creates decisions with the people, topics and references they involve.
// $rows: [{id, meeting, props: {meetingId, text, section, startLine, endLine, terms}, people, topics, refs}].
// (replan=skip: the plan starts from unique keys, so it does not change as the graph grows.)
CYPHER replan=skip
UNWIND $rows AS row
MATCH (m:Meeting {id: row.meeting})
CREATE (d:Decision {id: row.id})
SET d += row.props
CREATE (d)-[:IN]->(m)
WITH d, row
CALL (d, row) {
  UNWIND row.people AS pid
  MATCH (p:Person {id: pid})
  CREATE (d)-[:INVOLVES]->(p)
}
CALL (d, row) {
  UNWIND row.topics AS tid
  MATCH (t:Topic {id: tid})
  CREATE (d)-[:ABOUT]->(t)
}
CALL (d, row) {
  UNWIND row.refs AS rid
  MATCH (r:Reference {id: rid})
  CREATE (d)-[:CITES]->(r)
}
