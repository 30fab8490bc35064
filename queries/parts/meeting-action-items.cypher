// Who promised what in the meeting `m`? In source order, with owners: every
// person the task was given to (`owners`, first named first) and the `owner`:
// the first of them, or a group that owns the item ("the TSC") served as an
// owner whose id starts with `group:`.
MATCH (m)<-[:IN]-(a:ActionItem)
OPTIONAL MATCH (a)-[o:OWNED_BY]->(p:Person)
WITH m, a, p ORDER BY coalesce(o.rank, 0), p.id
WITH m, a, [x IN collect(p) | x {.id, .name, .aliases}] AS owners
ORDER BY a.startLine, a.id
RETURN collect(a {.*, collection: m.collection, path: m.path, meetingUrl: m.url, owners: owners, owner: CASE
         WHEN size(owners) > 0 THEN owners[0]
         WHEN a.ownerGroup IS NOT NULL THEN {id: 'group:' + toLower(a.ownerGroup), name: a.ownerGroup, aliases: []}
       END}) AS actionItems
