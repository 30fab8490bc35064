// Which acronyms do the notes define that a question's words could be? The
// initials among its words, and the names among runs of its terms
// (schema/terms.ts acronymCandidates); each once, most often defined first.
// $words, $phrases: lists of strings; $collection: null for any.
MATCH (a:Acronym)
WHERE (a.short IN $words OR a.long IN $phrases) AND ($collection IS NULL OR a.collection = $collection)
WITH a.short AS short, a.long AS long, count(*) AS n
ORDER BY n DESC, short, long
RETURN short, long
LIMIT 20
