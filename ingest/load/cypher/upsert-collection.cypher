// Records a collection and where its notes live online. When the URL base
// is new or changed, every meeting's source link is rewritten; meetings
// written in this run already have theirs (write-meetings.cypher).
// $name, $urlBase (may be null).
MERGE (c:Collection {name: $name})
WITH c, c.urlBase AS before
SET c.urlBase = $urlBase
WITH c, before
WHERE coalesce(before, '') <> coalesce($urlBase, '')
MATCH (m:Meeting {collection: $name})
SET m.url = CASE WHEN $urlBase IS NULL THEN null ELSE $urlBase + '/' + m.path END
