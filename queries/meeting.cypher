// Which meeting is this? One meeting by its collection and path, with the
// lists the request selects of it (parts/meeting-lists.cypher).
// $collection: collection name; $path: path inside the collection; $lists:
// which lists to read.
MATCH (m:Meeting {collection: $collection, path: $path})
RETURN m {.*} AS meeting,
  // @include meeting-lists
