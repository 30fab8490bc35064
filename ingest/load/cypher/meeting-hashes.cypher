// What is indexed of a collection: each meeting's path, content hash and the
// stamp of the rules that derived its facts, so unchanged files are skipped,
// files derived by older rules indexed again, and deleted files found.
// $collection: the collection's name.
MATCH (m:Meeting {collection: $collection})
RETURN m.path AS path, m.sha256 AS sha256, m.derived AS derived
