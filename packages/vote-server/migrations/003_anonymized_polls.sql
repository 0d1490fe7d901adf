-- Polls whose ballots were anonymised (voter_hash, key_hash and request_digest set to NULL).
-- UNIQUE never matches NULLs, so after the erasure the database could no longer tell a repeat
-- vote or a retry from a new vote: such a poll takes no votes any more, whatever the feed says
-- later (reopened, closing time corrected, id reused). The write statement checks this table.
CREATE TABLE anonymized_polls (
  poll_id        text PRIMARY KEY,
  -- The day of the erasure, UTC: no time finer than the day, as everywhere.
  anonymized_on  date NOT NULL
);

-- Polls anonymised before this table existed.
INSERT INTO anonymized_polls (poll_id, anonymized_on)
SELECT DISTINCT poll_id, (now() AT TIME ZONE 'UTC')::date FROM votes WHERE voter_hash IS NULL;
