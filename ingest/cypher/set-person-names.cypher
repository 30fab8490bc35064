// Settles each person's display name, aliases and handles.
// $rows: [{id, name, aliases, handles}].
UNWIND $rows AS row
MATCH (p:Person {id: row.id})
SET p.name = row.name, p.aliases = row.aliases, p.handles = row.handles
