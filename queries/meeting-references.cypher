// What did each of these meetings point at? In order of first mention.
// $ids: meeting ids.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
RETURN id,
  // @include meeting-references
  AS references
