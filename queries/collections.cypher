// Which collections are indexed, with how many meetings each?
MATCH (c:Collection)
OPTIONAL MATCH (m:Meeting {collection: c.name})
WITH c, count(m) AS meetings, min(m.date) AS firstDate, max(m.date) AS lastDate
RETURN c {.name, .urlBase, meetings: meetings, firstDate: firstDate, lastDate: lastDate} AS collection
ORDER BY c.name
