// Who attended the meeting `m`? By name.
MATCH (m)<-[:ATTENDED]-(p:Person)
WITH p ORDER BY p.name
RETURN collect(p {.*}) AS attendees
