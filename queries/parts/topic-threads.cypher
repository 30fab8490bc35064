// Part (composed into a query by api/queries.ts where it says
// `// @include topic-threads`), after topic-words: the threads that hold the
// topic's words. A thread is the section, or top-level item with what is
// nested under it, a passage belongs to (`thread`, the index of its first
// passage, written at ingest). One row per thread of a meeting (`mid`) with
// its passages that hold a word (`hits`: each passage `x`, the word groups
// it holds `gs`, their share of the topic `cov`), the share of the topic its
// passages hold together (`coverage`), and the same over the passages said,
// not agenda lines or links (`spoken`). $collection: null for any.
// Note: every reader keeps only threads holding half the topic or more, so the
// most common words, which together hold less than half of it, make no thread
// on their own: their passages are read only in meetings where a rarer word
// is found ("2" of "wasi preview 2" is in tens of thousands of passages).
WITH idfs, weight, hitsByGroup,
     [g IN range(0, size(idfs) - 1) WHERE reduce(s = 0.0, h IN range(0, size(idfs) - 1) |
        s + CASE WHEN idfs[h] < idfs[g] OR (idfs[h] = idfs[g] AND h <= g) THEN idfs[h] ELSE 0.0 END) >= 0.5 * weight] AS rare
CALL (hitsByGroup, rare) {
  UNWIND rare AS g
  UNWIND hitsByGroup[g] AS x
  WITH DISTINCT x.meetingId AS mid
  RETURN collect(mid) AS candidates
}
// (Grouped in a subquery, so that rows are grouped by passage and thread
// alone, not also by the topic's weights.)
CALL (idfs, hitsByGroup, rare, candidates) {
  UNWIND range(0, size(idfs) - 1) AS g
  UNWIND hitsByGroup[g] AS x
  WITH rare, candidates, g, x
  WHERE g IN rare OR x.meetingId IN candidates
  WITH x, collect(DISTINCT g) AS gs
  WHERE $collection IS NULL OR x.collection = $collection
  WITH x.meetingId AS mid, x.thread AS thread, collect({x: x, gs: gs}) AS hits
  RETURN mid, thread, hits
}
WITH idfs, weight, mid, thread, [h IN hits | {x: h.x, gs: h.gs, cov: reduce(s = 0.0, g IN h.gs | s + idfs[g]) / weight}] AS hits
WITH mid, thread, hits,
     reduce(s = 0.0, g IN reduce(acc = [], h IN hits | acc + [g IN h.gs WHERE NOT g IN acc]) | s + idfs[g]) / weight AS coverage,
     reduce(s = 0.0, g IN reduce(acc = [], h IN hits | acc + CASE WHEN h.x.role IS NULL THEN [g IN h.gs WHERE NOT g IN acc] ELSE [] END) | s + idfs[g]) / weight AS spoken
