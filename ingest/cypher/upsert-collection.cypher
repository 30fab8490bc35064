// Records a collection and where its notes live online.
// $name, $urlBase (may be null).
MERGE (c:Collection {name: $name})
SET c.urlBase = $urlBase
