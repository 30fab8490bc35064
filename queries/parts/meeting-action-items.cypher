// Who promised what in the meeting `m`? In source order, with owners: every
// person the task was given to (`owners`, first named first) and the `owner`:
// the first of them, or a group that owns the item ("the TSC") served as an
// owner whose id starts with `group:`.
// Note: no aggregating function here (the owners are a COLLECT too): under the
// CASE of parts/meeting-lists.cypher, Neo4j takes one for an aggregation of
// the RETURN itself, and refuses the query.
COLLECT {
  MATCH (m)<-[:IN]-(a:ActionItem)
  WITH a, COLLECT {
    MATCH (a)-[o:OWNED_BY]->(p:Person)
    WITH p, o ORDER BY coalesce(o.rank, 0), p.id
    RETURN p {.id, .name, .aliases}
  } AS owners
  ORDER BY a.startLine, a.id
  RETURN a {.*, collection: m.collection, path: m.path, meetingUrl: m.url, owners: owners, owner: CASE
    WHEN size(owners) > 0 THEN owners[0]
    WHEN a.ownerGroup IS NOT NULL THEN {id: 'group:' + toLower(a.ownerGroup), name: a.ownerGroup, aliases: []}
  END}
}
