// Which acronyms do the notes define that a question's words could be? The
// initials among its words, and the names among runs of its terms
// (schema/terms.ts acronymCandidates); each once, most often defined first.
// Initials typed are read as the collection's notes define them (two projects
// may spell different names alike); a name typed also finds the initials of
// three or more letters that any collection's notes give it ("code of
// conduct" finds CoC where only another project wrote "Code of Conduct (CoC)").
// $words, $phrases: lists of strings; $collection: null for any.
MATCH (a:Acronym)
WHERE ($collection IS NULL OR a.collection = $collection) AND (a.short IN $words OR a.long IN $phrases)
   OR a.long IN $phrases AND size(a.short) >= 3
WITH a.short AS short, a.long AS long, count(*) AS n
ORDER BY n DESC, short, long
RETURN short, long
LIMIT 20
