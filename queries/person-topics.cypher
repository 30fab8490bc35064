// What does each of these people talk about? Topics of the passages they
// spoke, most passages first.
// $ids: person ids; $first: how many per person.
UNWIND $ids AS id
MATCH (p:Person {id: id})<-[:SPOKEN_BY]-(:Passage)-[:ABOUT]->(t:Topic)
WITH id, t, count(*) AS n ORDER BY n DESC, t.name
WITH id, collect(t)[0..$first] AS topics
RETURN id, [t IN topics | t {.id, .name}] AS topics
