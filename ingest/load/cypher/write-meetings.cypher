// Creates meetings, each with its source link (null without a URL base).
// $rows: [{id, props: {collection, path, title, date, series, sha256, derived}, urlPath}]
// (urlPath: the path with each segment percent-encoded, so `Q&A 1.md` links right);
// $urlBase: the collection's URL base, or null.
// (replan=skip: the plan starts from unique keys, so it does not change as the graph grows.)
CYPHER replan=skip
UNWIND $rows AS row
MERGE (m:Meeting {id: row.id})
SET m += row.props,
    m.url = CASE WHEN $urlBase IS NULL THEN null ELSE $urlBase + '/' + row.urlPath END
