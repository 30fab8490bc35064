// Which meetings were held? Newest first, filtered by collection, series and
// date range (inclusive; meetings with no known date sort last and are left
// out when a range is given).
// With each, the lists the request selects of it (parts/meeting-lists.cypher).
// $collection, $series (lower-case), $from, $to: null for any; $first: how many;
// $lists: which lists to read.
CALL () {
  // The candidates from an index where a filter allows one: the series, else
  // the collection, else every meeting.
  UNWIND CASE WHEN $series IS NULL THEN [] ELSE [$series] END AS series
  MATCH (m:Meeting {series: series})
  RETURN m
  UNION ALL
  UNWIND CASE WHEN $series IS NULL AND $collection IS NOT NULL THEN [$collection] ELSE [] END AS collection
  MATCH (m:Meeting)
  WHERE m.collection = collection AND m.path IS NOT NULL
  RETURN m
  UNION ALL
  UNWIND CASE WHEN $series IS NULL AND $collection IS NULL THEN [true] ELSE [] END AS any
  MATCH (m:Meeting)
  RETURN m
}
WITH m
WHERE ($collection IS NULL OR m.collection = $collection)
  AND ($series IS NULL OR m.series = $series)
  AND ($from IS NULL OR m.date >= $from)
  AND ($to IS NULL OR m.date <= $to)
WITH m
ORDER BY m.date DESC, m.collection, m.path
LIMIT $first
RETURN m {.*} AS meeting,
  // @include meeting-lists
