// Sets, after a first index was loaded by neo4j-admin import (ingest/bulk/),
// the values a CSV field cannot hold (ingest/bulk/csv.ts): an empty list (the
// tool reads an empty field as no value), a list with an element holding the
// array delimiter, a string with a NUL. Each row names its node by label and
// id (a collection by name), or its relationship by type and end nodes' ids.
// $nodes: [{label, id, props}]; $relationships: [{type, start, end, props}].
CALL () {
  UNWIND [r IN $nodes WHERE r.label = 'Person'] AS row
  MATCH (n:Person {id: row.id})
  SET n += row.props
}
CALL () {
  UNWIND [r IN $nodes WHERE r.label = 'Meeting'] AS row
  MATCH (n:Meeting {id: row.id})
  SET n += row.props
}
CALL () {
  UNWIND [r IN $nodes WHERE r.label = 'Passage'] AS row
  MATCH (n:Passage {id: row.id})
  SET n += row.props
}
CALL () {
  UNWIND [r IN $nodes WHERE r.label = 'Decision'] AS row
  MATCH (n:Decision {id: row.id})
  SET n += row.props
}
CALL () {
  UNWIND [r IN $nodes WHERE r.label = 'ActionItem'] AS row
  MATCH (n:ActionItem {id: row.id})
  SET n += row.props
}
CALL () {
  UNWIND [r IN $nodes WHERE r.label = 'Acronym'] AS row
  MATCH (n:Acronym {id: row.id})
  SET n += row.props
}
CALL () {
  UNWIND [r IN $nodes WHERE r.label = 'Topic'] AS row
  MATCH (n:Topic {id: row.id})
  SET n += row.props
}
CALL () {
  UNWIND [r IN $nodes WHERE r.label = 'Reference'] AS row
  MATCH (n:Reference {id: row.id})
  SET n += row.props
}
CALL () {
  UNWIND [r IN $nodes WHERE r.label = 'Collection'] AS row
  MATCH (n:Collection {name: row.id})
  SET n += row.props
}
CALL () {
  UNWIND [r IN $relationships WHERE r.type IN ['ATTENDED', 'SPOKE_IN', 'NAMED_IN']] AS row
  MATCH (:Person {id: row.start})-[t]->(:Meeting {id: row.end})
  WHERE type(t) = row.type
  SET t += row.props
}
CALL () {
  UNWIND [r IN $relationships WHERE r.type = 'DISCUSSES'] AS row
  MATCH (:Meeting {id: row.start})-[t:DISCUSSES]->(:Topic {id: row.end})
  SET t += row.props
}
CALL () {
  UNWIND [r IN $relationships WHERE r.type = 'REFERENCES'] AS row
  MATCH (:Meeting {id: row.start})-[t:REFERENCES]->(:Reference {id: row.end})
  SET t += row.props
}
