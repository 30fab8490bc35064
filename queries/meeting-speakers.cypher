// Who spoke in each of these meetings? Most passages first.
// $ids: meeting ids.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})<-[s:SPOKE_IN]-(p:Person)
WITH id, p, s ORDER BY s.passages DESC, p.name
RETURN id, collect(p {.*}) AS people
