// Which meetings was each of these people in (attended or spoke)? Newest first.
// $ids: person ids; $first: how many per person.
UNWIND $ids AS id
MATCH (p:Person {id: id})-[:ATTENDED|SPOKE_IN]->(m:Meeting)
WITH id, m ORDER BY m.date DESC, m.path
WITH id, collect(DISTINCT m)[0..$first] AS meetings
RETURN id, [m IN meetings | m {.*}] AS meetings
