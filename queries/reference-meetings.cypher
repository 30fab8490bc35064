// Which meetings point at each of these references? Oldest first.
// $ids: reference ids.
UNWIND $ids AS id
MATCH (r:Reference {id: id})<-[:REFERENCES]-(m:Meeting)
WITH id, m ORDER BY m.date, m.path
RETURN id, collect(m {.*}) AS meetings
