// Which meeting is this? One meeting by its collection and path.
// $collection: collection name; $path: path inside the collection.
MATCH (m:Meeting {collection: $collection, path: $path})
RETURN m {.*} AS meeting
