-- One row per accepted ballot. Nothing here identifies a person: the voter token and the
-- idempotency key are random values chosen by the voter's browser, and only keyed hashes of
-- them are stored (the key lives outside the database). No IP address, no user agent, no
-- timestamp finer than the day.
CREATE TABLE votes (
  poll_id        text    NOT NULL,
  -- HMAC(secret, poll, voter token). NULL once the poll is closed and past its retention
  -- period: the ballot stays countable, the link to the browser's token is gone.
  voter_hash     bytea,
  -- HMAC(secret, poll, idempotency key): lets a retry get the original answer.
  key_hash       bytea,
  -- HMAC(secret, poll, token, options): tells an honest retry from a reused key.
  request_digest bytea,
  options        text[]  NOT NULL CHECK (cardinality(options) >= 1),
  cast_on        date    NOT NULL,
  -- The database, not only the application, guarantees one ballot per voter and poll.
  CONSTRAINT votes_one_per_voter UNIQUE (poll_id, voter_hash),
  CONSTRAINT votes_one_per_idempotency_key UNIQUE (poll_id, key_hash)
);

-- Running totals, updated in the same transaction as the ballots they count, so a read of
-- results costs one index scan however many votes there are.
CREATE TABLE poll_totals (
  poll_id  text   PRIMARY KEY,
  ballots  bigint NOT NULL CHECK (ballots >= 0)
);

CREATE TABLE option_totals (
  poll_id   text   NOT NULL,
  option_id text   NOT NULL,
  votes     bigint NOT NULL CHECK (votes >= 0),
  PRIMARY KEY (poll_id, option_id)
);

-- Facts about the installation itself, e.g. the fingerprint of the hash secret.
CREATE TABLE server_meta (
  name  text PRIMARY KEY,
  value text NOT NULL
);
