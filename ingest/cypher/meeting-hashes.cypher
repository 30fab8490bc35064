// What is indexed of a collection: each meeting's path and content hash, so
// unchanged files are skipped and deleted files found.
// $collection: the collection's name.
MATCH (m:Meeting {collection: $collection})
RETURN m.path AS path, m.sha256 AS sha256
