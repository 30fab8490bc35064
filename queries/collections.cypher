// Which collections are indexed, with how many meetings each, and the dates
// of the first and the last (index meeting_collection_date: each collection's
// dates are read from the index, not every dated meeting's).
MATCH (c:Collection)
CALL (c) {
  MATCH (m:Meeting)
  WHERE m.collection = c.name AND m.path IS NOT NULL
  RETURN count(m) AS meetings
}
CALL (c) {
  MATCH (m:Meeting)
  WHERE m.collection = c.name AND m.date IS NOT NULL
  RETURN min(m.date) AS firstDate, max(m.date) AS lastDate
}
RETURN c {.name, .urlBase, meetings: meetings, firstDate: firstDate, lastDate: lastDate} AS collection
ORDER BY c.name
