// What was said in each of these meetings? Passages in source order.
// $ids: meeting ids. $lists.passages: how many per meeting.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
RETURN id,
  // @include meeting-passages
  AS passages
