-- When each poll closes, as last seen in the feed. Retention is counted from here, so the
-- hashes of a poll the city later removes from the feed are still cleared on time.
CREATE TABLE poll_schedule (
  poll_id   text        PRIMARY KEY,
  closes_at timestamptz NOT NULL
);
