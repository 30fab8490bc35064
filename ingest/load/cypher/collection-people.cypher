// Who do a collection's meetings already name, and how is each written there?
// The people with a full name, each with every form and handle a meeting of
// the collection writes for them, so a run that reads only the changed notes
// builds the collection's roster (ingest/resolve/roster.ts) from all of them.
// $collection: the collection's name.
MATCH (m:Meeting {collection: $collection})<-[r:ATTENDED|SPOKE_IN|NAMED_IN]-(p:Person)
WHERE p.name CONTAINS ' '
WITH p, collect(r) AS rels
RETURN p.name AS name,
       reduce(acc = [], r IN rels | acc + r.forms) AS forms,
       reduce(acc = [], r IN rels | acc + coalesce(r.handles, [])) AS handles
ORDER BY name
