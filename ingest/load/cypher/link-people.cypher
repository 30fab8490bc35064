// Ties action items to their owners and decisions to the people involved
// where the person was not yet in the graph when the meeting was written (a
// person first seen in a later file of the run), so the links do not depend
// on the order or batching of writes.
// $owners: [{item, person, rank}] (rank 0 for the item's first owner); $involved: [{decision, person}].
// (replan=skip: the plan starts from unique keys, so it does not change as the graph grows.)
CYPHER replan=skip
CALL () {
  UNWIND $owners AS row
  MATCH (a:ActionItem {id: row.item})
  MATCH (p:Person {id: row.person})
  WHERE NOT (a)-[:OWNED_BY]->(p)
  CREATE (a)-[:OWNED_BY {rank: row.rank}]->(p)
}
CALL () {
  UNWIND $involved AS row
  MATCH (d:Decision {id: row.decision})
  MATCH (p:Person {id: row.person})
  WHERE NOT (d)-[:INVOLVES]->(p)
  CREATE (d)-[:INVOLVES]->(p)
}
