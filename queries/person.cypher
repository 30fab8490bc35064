// Who is this? A person by any form of their name: the id (folded full name),
// the name, an alias or a handle, compared case-insensitively. Where an alias
// is shared, the person seen in the most meetings wins.
// Note: the id and the name as typed are looked up through their indexes;
// only when neither finds anyone are names, aliases and handles compared, on
// the people whose forms hold the form's words (full-text index
// person_forms), and meetings are counted only between several candidates.
// $id: the Person id the form would have (schema/names.ts); $name: the form as
// typed; $key: the form, lower-cased; $phrase: the form as a Lucene phrase, or
// null when it holds no letter or digit (then every person is compared);
// $lists: how many of the person's meetings and topics the request reads
// (0: none), read in this query rather than by a query of their own.
OPTIONAL CALL () {
  MATCH (p:Person {id: $id})
  RETURN p
  UNION
  MATCH (p:Person {name: $name})
  RETURN p
}
WITH collect(p) AS named
CALL (named) {
  UNWIND named AS p
  RETURN p, 0 AS exact
  UNION
  UNWIND CASE WHEN size(named) = 0 THEN [true] ELSE [] END AS look
  CALL (look) {
    UNWIND CASE WHEN $phrase IS NOT NULL THEN [$phrase] ELSE [] END AS phrase
    CALL db.index.fulltext.queryNodes('person_forms', phrase) YIELD node
    RETURN node AS p
    UNION
    UNWIND CASE WHEN $phrase IS NULL THEN [true] ELSE [] END AS all
    MATCH (p:Person)
    RETURN p
  }
  WITH p
  WHERE toLower(p.name) = $key
     OR any(a IN p.aliases WHERE toLower(a) = $key)
     OR any(h IN p.handles WHERE toLower(h) = $key)
  RETURN p, CASE WHEN toLower(p.name) = $key THEN 0 ELSE 1 END AS exact
}
WITH collect({p: p, exact: exact}) AS found
UNWIND found AS f
CALL (f, found) {
  UNWIND CASE WHEN size(found) > 1 THEN [f.p] ELSE [] END AS p
  OPTIONAL MATCH (p)-[:ATTENDED|SPOKE_IN]->(m:Meeting)
  RETURN count(DISTINCT m) AS seen
}
WITH f.p AS p, f.exact AS exact, seen
ORDER BY exact, seen DESC, p.id
LIMIT 1
// Note: the lists in OPTIONAL CALLs, not under a CASE in the RETURN as a
// meeting's are: Neo4j takes the topics' count under a CASE for an aggregation
// of the RETURN itself, and refuses it. One person, so the CALLs cost little.
OPTIONAL CALL (p) {
  WITH p WHERE $lists.meetings > 0
  RETURN
    // @include person-meetings
    AS meetings
}
OPTIONAL CALL (p) {
  WITH p WHERE $lists.topics > 0
  RETURN
    // @include person-topics
    AS topics
}
RETURN p {.*} AS person, coalesce(meetings, []) AS meetings, coalesce(topics, []) AS topics
