// Quorum's graph schema: a uniqueness constraint on every node key, the
// indexes the queries in queries/ rely on, and the full-text indexes over the
// normalised terms (schema/terms.ts) of passages, decisions, topics and
// references. Applied idempotently at startup (schema/apply.ts), one
// statement at a time, before any write.

CREATE CONSTRAINT collection_name IF NOT EXISTS FOR (c:Collection) REQUIRE c.name IS UNIQUE;
CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (m:Meeting) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT reference_id IF NOT EXISTS FOR (r:Reference) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (t:Topic) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT passage_id IF NOT EXISTS FOR (x:Passage) REQUIRE x.id IS UNIQUE;
CREATE CONSTRAINT decision_id IF NOT EXISTS FOR (d:Decision) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT action_item_id IF NOT EXISTS FOR (a:ActionItem) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT acronym_id IF NOT EXISTS FOR (a:Acronym) REQUIRE a.id IS UNIQUE;

CREATE INDEX meeting_collection_path IF NOT EXISTS FOR (m:Meeting) ON (m.collection, m.path);
CREATE INDEX meeting_date IF NOT EXISTS FOR (m:Meeting) ON (m.date);
CREATE INDEX meeting_collection_date IF NOT EXISTS FOR (m:Meeting) ON (m.collection, m.date);
CREATE INDEX meeting_series IF NOT EXISTS FOR (m:Meeting) ON (m.series);
CREATE INDEX person_name IF NOT EXISTS FOR (p:Person) ON (p.name);
CREATE INDEX passage_meeting IF NOT EXISTS FOR (x:Passage) ON (x.meetingId);
CREATE INDEX passage_meeting_thread IF NOT EXISTS FOR (x:Passage) ON (x.meetingId, x.thread);
CREATE INDEX passage_same IF NOT EXISTS FOR (x:Passage) ON (x.same);
CREATE INDEX decision_meeting IF NOT EXISTS FOR (d:Decision) ON (d.meetingId);
CREATE INDEX acronym_short IF NOT EXISTS FOR (a:Acronym) ON (a.short);
CREATE INDEX acronym_long IF NOT EXISTS FOR (a:Acronym) ON (a.long);

CREATE FULLTEXT INDEX passage_terms IF NOT EXISTS FOR (x:Passage) ON EACH [x.terms] OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } };
CREATE FULLTEXT INDEX decision_terms IF NOT EXISTS FOR (d:Decision) ON EACH [d.terms] OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } };
CREATE FULLTEXT INDEX topic_terms IF NOT EXISTS FOR (t:Topic) ON EACH [t.terms] OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } };
// Every form of a person's name, as words (case and punctuation folded by Lucene's standard analyzer):
// person(name) finds the people an unknown form could be without reading every person.
CREATE FULLTEXT INDEX person_forms IF NOT EXISTS FOR (p:Person) ON EACH [p.name, p.aliases, p.handles] OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
CREATE FULLTEXT INDEX reference_terms IF NOT EXISTS FOR (r:Reference) ON EACH [r.terms] OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } };
