// Creates meetings.
// $rows: [{id, props: {collection, path, title, date, series, sha256}}].
UNWIND $rows AS row
MERGE (m:Meeting {id: row.id})
SET m += row.props
