// Creates passages in their meetings, with their speakers.
// $rows: [{id, meeting, speaker (person id or null), props: {meetingId, idx, text, section, startLine, endLine, terms, same, speakerAs}}].
// (replan=skip: the plan starts from unique keys, so it does not change as the graph grows.)
CYPHER replan=skip
UNWIND $rows AS row
MATCH (m:Meeting {id: row.meeting})
CREATE (x:Passage {id: row.id})
SET x += row.props
CREATE (x)-[:IN]->(m)
WITH x, row
WHERE row.speaker IS NOT NULL
MATCH (p:Person {id: row.speaker})
CREATE (x)-[:SPOKEN_BY]->(p)
