// Records a collection and where its notes live online.
// Note: meetings' source links are written with the meetings
// (write-meetings.cypher, the path percent-encoded there). A changed URL base
// is a changed config, so the run re-derives every meeting of the collection
// (load/derived.ts) and each gets its new link then; nothing to rewrite here.
// $name, $urlBase (may be null).
MERGE (c:Collection {name: $name})
SET c.urlBase = $urlBase
