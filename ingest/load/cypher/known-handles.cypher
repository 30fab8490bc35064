// People with handles, so a run can tie a handle written alone to a full name.
MATCH (p:Person)
WHERE size(p.handles) > 0
RETURN p.id AS id, p.handles AS handles
