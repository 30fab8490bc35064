// Every form and handle each of the given people has been written as.
// $ids: person ids.
UNWIND $ids AS id
MATCH (p:Person {id: id})
OPTIONAL MATCH (p)-[r:ATTENDED|SPOKE_IN]->(:Meeting)
WITH p, collect(r) AS rels
RETURN p.id AS id,
       reduce(acc = [], r IN rels | acc + r.forms) AS forms,
       reduce(acc = [], r IN rels | acc + coalesce(r.handles, [])) AS handles
