// Who is this? A person by any form of their name: the id (folded full name),
// the name, an alias or a handle, compared case-insensitively. Where an alias
// is shared, the person seen in the most meetings wins.
// $id: the Person id the form would have (schema/names.ts); $key: the form, lower-cased.
MATCH (p:Person)
WHERE p.id = $id OR toLower(p.name) = $key
   OR any(a IN p.aliases WHERE toLower(a) = $key)
   OR any(h IN p.handles WHERE toLower(h) = $key)
WITH p, CASE WHEN p.id = $id OR toLower(p.name) = $key THEN 0 ELSE 1 END AS exact
OPTIONAL MATCH (p)-[:ATTENDED|SPOKE_IN]->(m:Meeting)
WITH p, exact, count(DISTINCT m) AS meetings
RETURN p {.id, .name, .aliases, .handles} AS person
ORDER BY exact, meetings DESC, p.id
LIMIT 1
