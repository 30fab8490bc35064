// Which meetings discuss each of these topics? Most discussion first.
// $ids: topic ids.
UNWIND $ids AS id
MATCH (t:Topic {id: id})<-[d:DISCUSSES]-(m:Meeting)
WITH id, m, d ORDER BY d.weight DESC, m.date DESC
RETURN id, collect(m {.*}) AS meetings
