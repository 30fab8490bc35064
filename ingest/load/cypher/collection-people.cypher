// Who do a collection's meetings already name, and how is each written there?
// The people with a full name, each with every form and handle a meeting of
// the collection writes for them, so a run that reads only the changed notes
// builds the collection's roster (ingest/resolve/roster.ts) from all of them.
// $collection: the collection's name.
MATCH (m:Meeting {collection: $collection})<-[r:ATTENDED|SPOKE_IN|NAMED_IN]-(p:Person)
// Note: a function of the name, not `p.name CONTAINS ' '`, which the planner
// may answer from the range index person_name, and Neo4j 5.26 then fails with
// "A STRING_CONTAINS predicate is not allowed for a RANGE index".
WHERE size(split(p.name, ' ')) > 1
WITH p, collect(r) AS rels
RETURN p.name AS name,
       reduce(acc = [], r IN rels | acc + r.forms) AS forms,
       reduce(acc = [], r IN rels | acc + coalesce(r.handles, [])) AS handles
ORDER BY name
