// Removes people, references and topics no meeting mentions any more.
MATCH (n)
WHERE (n:Person OR n:Reference OR n:Topic) AND NOT (n)--()
DELETE n
