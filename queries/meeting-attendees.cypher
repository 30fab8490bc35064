// Who attended each of these meetings? By name.
// $ids: meeting ids.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})<-[:ATTENDED]-(p:Person)
WITH id, p ORDER BY p.name
RETURN id, collect(p {.*}) AS people
