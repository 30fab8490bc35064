// The full-text indexes of constraints.cypher, dropped while the first index
// of an empty graph is written (schema/apply.ts withFirstIndex); applySchema
// builds them again at its end. test/first-index.test.ts checks that none is
// left out.

DROP INDEX passage_terms IF EXISTS;
DROP INDEX decision_terms IF EXISTS;
DROP INDEX topic_terms IF EXISTS;
DROP INDEX person_forms IF EXISTS;
DROP INDEX reference_terms IF EXISTS;
