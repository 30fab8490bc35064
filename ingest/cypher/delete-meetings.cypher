// Removes meetings and everything they own (passages, decisions, action
// items) with all their relationships; shared nodes (people, references,
// topics) stay and are swept by sweep-orphans.cypher.
// $ids: meeting ids.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
OPTIONAL MATCH (m)<-[:IN]-(owned)
WITH m, collect(owned) AS owned
FOREACH (x IN owned | DETACH DELETE x)
DETACH DELETE m
