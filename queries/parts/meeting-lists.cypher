// The lists of the meeting `m` a request selects, as columns of a RETURN: each
// read when its entry of $lists says so, else empty (attendees, speakers,
// references, decisions, actionItems and topics are true or false; passages
// is how many, 0 for none). A meeting's root query reads them with it, in one
// query, instead of a batch query per list (queries/meeting-*.cypher, for
// meetings found another way).
// Note: a COLLECT under CASE is read only when its branch is taken, so a list
// not asked for costs nothing (a CALL per list cost about a third more for ten
// meetings asked without any).
CASE WHEN $lists.attendees THEN
  // @include meeting-attendees
ELSE [] END AS attendees,
CASE WHEN $lists.speakers THEN
  // @include meeting-speakers
ELSE [] END AS speakers,
CASE WHEN $lists.references THEN
  // @include meeting-references
ELSE [] END AS references,
CASE WHEN $lists.decisions THEN
  // @include meeting-decisions
ELSE [] END AS decisions,
CASE WHEN $lists.actionItems THEN
  // @include meeting-action-items
ELSE [] END AS actionItems,
CASE WHEN $lists.topics THEN
  // @include meeting-topics
ELSE [] END AS topics,
CASE WHEN $lists.passages > 0 THEN
  // @include meeting-passages
ELSE [] END AS passages
