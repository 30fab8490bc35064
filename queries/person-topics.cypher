// What does each of these people talk about? Topics of the passages they
// spoke, most passages first.
// $ids: person ids; $lists.topics: how many per person.
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id,
  // @include person-topics
  AS topics
