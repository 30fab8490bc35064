// What did each of these meetings decide? In source order.
// $ids: meeting ids.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
RETURN id,
  // @include meeting-decisions
  AS decisions
