// The lists of the meeting `m` a request selects, each read when its entry of
// $lists says so (the others are empty): attendees, speakers, references,
// decisions, actionItems and topics are true or false; passages is how many
// (0: none). The meeting's root query reads them with it, in one query,
// instead of a batch query per list (queries/meeting-*.cypher, for meetings
// found another way).
CALL (m) {
  WITH m WHERE $lists.attendees
  // @include meeting-attendees
}
CALL (m) {
  WITH m WHERE $lists.speakers
  // @include meeting-speakers
}
CALL (m) {
  WITH m WHERE $lists.references
  // @include meeting-references
}
CALL (m) {
  WITH m WHERE $lists.decisions
  // @include meeting-decisions
}
CALL (m) {
  WITH m WHERE $lists.actionItems
  // @include meeting-action-items
}
CALL (m) {
  WITH m WHERE $lists.topics
  // @include meeting-topics
}
CALL (m) {
  WITH m WHERE $lists.passages > 0
  // @include meeting-passages
}
