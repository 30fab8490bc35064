// Which meetings was each of these people in (attended or spoke)? Newest first.
// $ids: person ids; $lists.meetings: how many per person.
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id,
  // @include person-meetings
  AS meetings
