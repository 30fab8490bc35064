// Who promised what in each of these meetings? In source order, with owners.
// $ids: meeting ids.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
RETURN id,
  // @include meeting-action-items
  AS actionItems
