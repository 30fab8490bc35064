// Settles each person's display name, aliases and handles; an empty list is
// not stored (write-people.cypher), and one stored before is removed.
// $rows: [{id, name, aliases, handles}].
// (replan=skip: the plan starts from unique keys, so it does not change as the graph grows.)
CYPHER replan=skip
UNWIND $rows AS row
MATCH (p:Person {id: row.id})
SET p.name = row.name,
    p.aliases = CASE WHEN size(row.aliases) > 0 THEN row.aliases END,
    p.handles = CASE WHEN size(row.handles) > 0 THEN row.handles END
