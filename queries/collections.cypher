// Which collections are indexed, with how many meetings each?
MATCH (c:Collection)
CALL {
  WITH c
  MATCH (m:Meeting)
  WHERE m.collection = c.name AND m.path IS NOT NULL
  RETURN count(m) AS meetings
}
CALL {
  WITH c
  MATCH (m:Meeting)
  WHERE m.date IS NOT NULL AND m.collection = c.name
  WITH m.date AS date ORDER BY date LIMIT 1
  RETURN collect(date)[0] AS firstDate
}
CALL {
  WITH c
  MATCH (m:Meeting)
  WHERE m.date IS NOT NULL AND m.collection = c.name
  WITH m.date AS date ORDER BY date DESC LIMIT 1
  RETURN collect(date)[0] AS lastDate
}
RETURN c {.name, .urlBase, meetings: meetings, firstDate: firstDate, lastDate: lastDate} AS collection
ORDER BY c.name
