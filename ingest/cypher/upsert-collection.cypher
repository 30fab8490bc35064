// Records a collection and where its notes live online, and gives each of
// its meetings a source link (null without a URL base).
// $name, $urlBase (may be null).
MERGE (c:Collection {name: $name})
SET c.urlBase = $urlBase
WITH c
MATCH (m:Meeting {collection: $name})
SET m.url = CASE WHEN $urlBase IS NULL THEN null ELSE $urlBase + '/' + m.path END
