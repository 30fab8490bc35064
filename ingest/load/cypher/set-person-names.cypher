// Settles each person's display name, aliases and handles.
// $rows: [{id, name, aliases, handles}].
// (replan=skip: the plan starts from unique keys, so it does not change as the graph grows.)
CYPHER replan=skip
UNWIND $rows AS row
MATCH (p:Person {id: row.id})
SET p.name = row.name, p.aliases = row.aliases, p.handles = row.handles
