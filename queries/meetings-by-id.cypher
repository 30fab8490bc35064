// The meetings with these ids (for a passage's, decision's or action item's meeting).
// $ids: meeting ids.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
RETURN id, m {.*} AS meeting
