// Who promised what in each of these meetings? In source order, with owners.
// $ids: meeting ids.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
CALL (m) {
  // @include meeting-action-items
}
RETURN id, actionItems
