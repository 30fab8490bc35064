// What did each of these meetings point at? In order of first mention.
// $ids: meeting ids.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})-[r:REFERENCES]->(ref:Reference)
WITH id, ref, r ORDER BY r.lines[0], ref.id
RETURN id, collect(ref {.id, .kind, .url, .title}) AS refs
