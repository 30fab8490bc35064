// Who spoke in each of these meetings? Most passages first.
// $ids: meeting ids.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
RETURN id,
  // @include meeting-speakers
  AS speakers
