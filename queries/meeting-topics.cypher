// What did each of these meetings spend time on? Weightiest first.
// $ids: meeting ids.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
RETURN id,
  // @include meeting-topics
  AS topics
