// Marks the passages of a collection whose text recurs word for word in at
// least $least of its meetings: the lines of a minutes template ("Link to Code
// of Conduct: …", "Etherpad: …"), which say nothing about what a meeting
// discussed; the read queries leave them out of discussions. Lines shorter
// than $shortest characters ("Notes", "+1", "(discussion)") are never marked.
// Run at the end of a collection's load, over the whole collection, so a cold
// and an incremental ingest mark the same passages.
// $collection: the collection's name; $least: meetings; $shortest: characters.
MATCH (x:Passage)
WHERE x.collection = $collection AND size(x.text) >= $shortest
WITH x.text AS text, collect(x) AS xs, count(DISTINCT x.meetingId) AS meetings
UNWIND xs AS x
WITH x, meetings >= $least AS template
WHERE coalesce(x.template, false) <> template
SET x.template = CASE WHEN template THEN true ELSE null END
