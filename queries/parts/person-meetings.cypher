// Which meetings was the person `p` in (attended or spoke)? The newest $lists.meetings.
COLLECT {
  MATCH (p)-[:ATTENDED|SPOKE_IN]->(m:Meeting)
  WITH DISTINCT m ORDER BY m.date DESC, m.path LIMIT $lists.meetings
  RETURN m {.*}
}
