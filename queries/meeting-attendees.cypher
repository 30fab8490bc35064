// Who attended each of these meetings? By name.
// $ids: meeting ids.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
RETURN id,
  // @include meeting-attendees
  AS attendees
