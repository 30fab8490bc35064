// Every form and handle each of the given people has been written as, in
// meeting order (so the result does not depend on the order of writes).
// $ids: person ids.
// (replan=skip: the plan starts from unique keys, so it does not change as the graph grows.)
CYPHER replan=skip
UNWIND $ids AS id
MATCH (p:Person {id: id})
OPTIONAL MATCH (p)-[r:ATTENDED|SPOKE_IN|NAMED_IN]->(m:Meeting)
WITH p, r ORDER BY m.id, type(r)
WITH p, collect(r) AS rels
RETURN p.id AS id,
       reduce(acc = [], r IN rels | acc + r.forms) AS forms,
       reduce(acc = [], r IN rels | acc + coalesce(r.handles, [])) AS handles
