// Who attended each of these meetings? By name.
// $ids: meeting ids.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
CALL (m) {
  // @include meeting-attendees
}
RETURN id, attendees
