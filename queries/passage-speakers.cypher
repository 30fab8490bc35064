// Who said each of these passages?
// $ids: passage ids.
UNWIND $ids AS id
MATCH (x:Passage {id: id})-[:SPOKEN_BY]->(p:Person)
RETURN id, p {.*} AS person
