// Which meetings were held? Newest first, filtered by collection, series and
// date range (inclusive; meetings with no known date sort last and are left
// out when a range is given).
// $collection, $series (lower-case), $from, $to: null for any; $first: how many.
MATCH (m:Meeting)
WHERE ($collection IS NULL OR m.collection = $collection)
  AND ($series IS NULL OR m.series = $series)
  AND ($from IS NULL OR m.date >= $from)
  AND ($to IS NULL OR m.date <= $to)
RETURN m {.*} AS meeting
ORDER BY m.date DESC, m.collection, m.path
LIMIT $first
