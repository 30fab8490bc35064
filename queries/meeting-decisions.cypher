// What did each of these meetings decide? In source order.
// $ids: meeting ids.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
CALL (m) {
  // @include meeting-decisions
}
RETURN id, decisions
