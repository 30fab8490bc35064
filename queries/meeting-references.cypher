// What did each of these meetings point at? In order of first mention.
// $ids: meeting ids.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
CALL (m) {
  // @include meeting-references
}
RETURN id, references
