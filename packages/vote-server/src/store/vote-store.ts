import { join } from 'node:path';
import type { SqlDriver } from './driver.js';
import { migrate } from './migrate.js';
import { openPGlite } from './pglite.js';
import { openPostgres } from './postgres.js';

/** A ballot ready to store: ids validated against the poll, identifiers already hashed (hex). */
export interface BallotInput {
  pollId: string;
  voterHash: string;
  keyHash: string;
  digest: string;
  options: readonly string[];
}

/**
 * inserted: counted now · replay: this exact request was counted before ·
 * already-voted: this voter has another ballot · key-reused: the idempotency key belongs to a
 * different request · anonymized: the poll's ballots were anonymised, it takes no votes.
 */
export type WriteOutcome = 'inserted' | 'replay' | 'already-voted' | 'key-reused' | 'anonymized';

export interface Totals {
  /**
   * Votes per option id (options nobody chose are absent; callers fill in zeros). A
   * null-prototype object: option ids such as "constructor" are ordinary keys here.
   */
  counts: Record<string, number>;
  /** Ballots cast; for multiple choice the option counts may add up to more. */
  total: number;
}

export interface OpenStoreOptions {
  /** postgres://… — when absent, an embedded PGlite database in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  /** PGlite only: how long to wait for another process to release the directory (default 10 s). */
  lockWaitMs?: number;
  onError?: (error: Error) => void;
}

const BALLOT_COLUMNS = `unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
  WITH ORDINALITY AS v(poll_id, voter_hash, key_hash, digest, options, ord)`;

/**
 * All SQL of the server, written once for both databases. Writes take whole batches so one
 * transaction (one WAL flush) acknowledges many votes.
 */
export class VoteStore {
  readonly db: SqlDriver;
  /** Polls known to be anonymised; the database's anonymized_polls is what writes obey. */
  private readonly anonymizedIds = new Set<string>();

  constructor(db: SqlDriver) {
    this.db = db;
  }

  /**
   * True when the poll's ballots were anonymised (by this process, or by any process as of the
   * last `loadAnonymized()`): it is closed for good, since its ballots can no longer be matched.
   */
  isAnonymized(pollId: string): boolean {
    return this.anonymizedIds.has(pollId);
  }

  /** Re-reads which polls were anonymised (another instance may have run the retention). */
  async loadAnonymized(): Promise<void> {
    const rows = await this.db.query<{ poll_id: string }>('SELECT poll_id FROM anonymized_polls');
    // Replaced, not merged: an operator who deleted a poll's data may reuse its id.
    this.anonymizedIds.clear();
    for (const row of rows) this.anonymizedIds.add(row.poll_id);
  }

  get kind(): SqlDriver['kind'] {
    return this.db.kind;
  }

  /**
   * Stores a batch and says, per ballot, what happened. The ballots and both running totals are
   * written by ONE statement — a single implicit transaction and a single round trip — so it
   * returns only after COMMIT and either all of it happened or none. Ballots in one batch must
   * not share a voter or an idempotency key within a poll (the queue guarantees it), so every
   * conflict is with a row committed before; those are classified by a read afterwards.
   */
  async writeBallots(batch: readonly BallotInput[]): Promise<WriteOutcome[]> {
    if (batch.length === 0) return [];
    assertNoInternalConflicts(batch);
    const inserted = await withRetry(() =>
      this.db.query<{ poll_id: string; voter_hash: string }>(
        `WITH ins AS (
           INSERT INTO votes (poll_id, voter_hash, key_hash, request_digest, options, cast_on)
           SELECT v.poll_id, decode(v.voter_hash, 'hex'), decode(v.key_hash, 'hex'), decode(v.digest, 'hex'),
                  string_to_array(v.options, ','), (now() AT TIME ZONE 'UTC')::date
             FROM ${BALLOT_COLUMNS}
            -- Hashes of an anonymised poll are NULL, and UNIQUE ignores NULLs: a repeat vote or a
            -- retry would count again, so such a poll takes no ballots at all.
            WHERE NOT EXISTS (SELECT 1 FROM anonymized_polls a WHERE a.poll_id = v.poll_id)
            -- One global order of index insertions, so concurrent writers cannot deadlock.
            ORDER BY v.poll_id, v.voter_hash
           ON CONFLICT DO NOTHING
           RETURNING poll_id, voter_hash, options
         ), poll_counts AS (
           INSERT INTO poll_totals (poll_id, ballots)
           SELECT poll_id, count(*) FROM ins GROUP BY poll_id ORDER BY poll_id
           ON CONFLICT (poll_id) DO UPDATE SET ballots = poll_totals.ballots + EXCLUDED.ballots
         ), option_counts AS (
           INSERT INTO option_totals (poll_id, option_id, votes)
           SELECT ins.poll_id, o.id, count(*) FROM ins, unnest(ins.options) AS o(id) GROUP BY 1, 2 ORDER BY 1, 2
           ON CONFLICT (poll_id, option_id) DO UPDATE SET votes = option_totals.votes + EXCLUDED.votes
         )
         SELECT poll_id, encode(voter_hash, 'hex') AS voter_hash FROM ins`,
        ballotParams(batch),
      ),
    );
    // (poll, voter) is unique within the batch, so it names the ballot each returned row came from.
    const indexOf = new Map(batch.map((b, i) => [`${b.pollId}\0${b.voterHash}`, i]));
    const outcomes: (WriteOutcome | undefined)[] = new Array(batch.length).fill(undefined);
    for (const row of inserted) outcomes[indexOf.get(`${row.poll_id}\0${row.voter_hash}`)!] = 'inserted';

    const rejected = batch.map((_, i) => i).filter((i) => outcomes[i] === undefined);
    if (rejected.length > 0) {
      const found = await classifyConflicts(this.db, rejected.map((i) => batch[i]!));
      rejected.forEach((i, j) => {
        outcomes[i] = found[j];
      });
      const unexplained = rejected.filter((i) => outcomes[i] === undefined);
      if (unexplained.length > 0) {
        const rows = await this.db.query<{ poll_id: string }>('SELECT poll_id FROM anonymized_polls WHERE poll_id = ANY($1::text[])', [
          [...new Set(unexplained.map((i) => batch[i]!.pollId))],
        ]);
        for (const row of rows) this.anonymizedIds.add(row.poll_id);
        for (const i of unexplained) if (this.anonymizedIds.has(batch[i]!.pollId)) outcomes[i] = 'anonymized';
      }
    }
    return outcomes.map((o) => {
      if (o === undefined) throw new Error('A ballot was neither stored nor in conflict with a stored one.');
      return o;
    });
  }

  /** What a stored ballot says about this request, without writing (for retries of closed polls). */
  async findPrior(ballot: BallotInput): Promise<WriteOutcome | undefined> {
    const [found] = await classifyConflicts(this.db, [ballot]);
    return found;
  }

  async hasVoted(pollId: string, voterHash: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM votes WHERE poll_id = $1 AND voter_hash = decode($2, 'hex')`, [pollId, voterHash]);
    return rows.length > 0;
  }

  /** Running totals of several polls in two index scans. */
  async totals(pollIds: readonly string[]): Promise<Map<string, Totals>> {
    const result = new Map<string, Totals>(pollIds.map((id) => [id, { counts: noPrototype(), total: 0 }]));
    if (pollIds.length === 0) return result;
    const ids = [...pollIds];
    // Counts come back as text: pg returns bigint as a string, PGlite as a number otherwise.
    const [ballots, options] = await Promise.all([
      this.db.query<{ poll_id: string; ballots: string }>(
        'SELECT poll_id, ballots::text AS ballots FROM poll_totals WHERE poll_id = ANY($1::text[])',
        [ids],
      ),
      this.db.query<{ poll_id: string; option_id: string; votes: string }>(
        'SELECT poll_id, option_id, votes::text AS votes FROM option_totals WHERE poll_id = ANY($1::text[])',
        [ids],
      ),
    ]);
    for (const row of ballots) result.get(row.poll_id)!.total = Number(row.ballots);
    for (const row of options) result.get(row.poll_id)!.counts[row.option_id] = Number(row.votes);
    return result;
  }

  /** Totals counted from the ballots themselves: the audit that the running totals are exact. */
  async recount(pollId: string): Promise<Totals> {
    const [ballots] = await this.db.query<{ n: string }>('SELECT count(*)::text AS n FROM votes WHERE poll_id = $1', [pollId]);
    const options = await this.db.query<{ option_id: string; votes: string }>(
      `SELECT o AS option_id, count(*)::text AS votes FROM votes, unnest(options) AS o WHERE poll_id = $1 GROUP BY o`,
      [pollId],
    );
    const counts = noPrototype();
    for (const row of options) counts[row.option_id] = Number(row.votes);
    return { counts, total: Number(ballots!.n) };
  }

  /**
   * Drops the hashes that tie ballots to browsers' tokens; ballots and totals stay. Run for
   * polls that closed longer ago than the retention period: by then no vote can be added, and
   * no retry can still be in flight. In the same statement the polls are recorded as
   * anonymised, which closes them for good: without the hashes nothing could stop a second vote.
   */
  async anonymize(pollIds: readonly string[]): Promise<number> {
    if (pollIds.length === 0) return 0;
    const ids = [...new Set(pollIds)].sort();
    const [row] = await this.db.query<{ n: number }>(
      `WITH marked AS (
         INSERT INTO anonymized_polls (poll_id, anonymized_on)
         SELECT id, (now() AT TIME ZONE 'UTC')::date FROM unnest($1::text[]) AS p(id) ORDER BY 1
         ON CONFLICT (poll_id) DO NOTHING
       ), cleared AS (
         UPDATE votes SET voter_hash = NULL, key_hash = NULL, request_digest = NULL
          WHERE poll_id = ANY($1::text[]) AND (voter_hash IS NOT NULL OR key_hash IS NOT NULL OR request_digest IS NOT NULL)
         RETURNING 1)
       SELECT count(*)::int AS n FROM cleared`,
      [ids],
    );
    for (const id of ids) this.anonymizedIds.add(id);
    return row!.n;
  }

  /** Records the closing times the feed currently states (retention is counted from them). */
  async recordSchedule(polls: readonly { id: string; closes: string }[]): Promise<void> {
    if (polls.length === 0) return;
    const sorted = [...polls].sort((a, b) => (a.id < b.id ? -1 : 1));
    await this.db.query(
      `INSERT INTO poll_schedule (poll_id, closes_at)
       SELECT * FROM unnest($1::text[], $2::timestamptz[]) ORDER BY 1
       ON CONFLICT (poll_id) DO UPDATE SET closes_at = EXCLUDED.closes_at
        WHERE poll_schedule.closes_at IS DISTINCT FROM EXCLUDED.closes_at`,
      [sorted.map((p) => p.id), sorted.map((p) => p.closes)],
    );
  }

  /**
   * Anonymises the ballots of every poll that closed more than `retentionDays` before `now`,
   * including polls no longer in the feed, but none in `notClosed`: polls the current feed
   * still has open or not yet open (the recorded closing time may lag behind a feed edit).
   * Returns the polls and the number of ballots changed.
   */
  async anonymizeExpired(now: Date, retentionDays: number, notClosed: readonly string[] = []): Promise<{ polls: string[]; ballots: number }> {
    const expired = await this.db.query<{ poll_id: string }>(
      `SELECT s.poll_id FROM poll_schedule s
        WHERE s.closes_at + make_interval(days => $2::int) < $1::timestamptz
          AND s.poll_id <> ALL($3::text[])
          AND EXISTS (SELECT 1 FROM votes v WHERE v.poll_id = s.poll_id AND v.voter_hash IS NOT NULL)`,
      [now.toISOString(), retentionDays, [...notClosed]],
    );
    const polls = expired.map((r) => r.poll_id);
    return { polls, ballots: await this.anonymize(polls) };
  }

  /**
   * Remembers which secret the stored hashes were made with and refuses another one: a new
   * secret would let every earlier voter vote again.
   */
  async checkSecretFingerprint(fingerprint: string): Promise<void> {
    await this.db.query(
      `INSERT INTO server_meta (name, value) VALUES ('hash-secret-fingerprint', $1) ON CONFLICT (name) DO NOTHING`,
      [fingerprint],
    );
    const [row] = await this.db.query<{ value: string }>(`SELECT value FROM server_meta WHERE name = 'hash-secret-fingerprint'`);
    if (row?.value !== fingerprint) {
      throw new Error(
        'The hash secret differs from the one this database was created with. Restore the original secret file ' +
          '(HASH_SECRET_FILE); with a new secret, people who already voted could vote again.',
      );
    }
  }

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

function noPrototype(): Record<string, number> {
  return Object.create(null) as Record<string, number>;
}

function assertNoInternalConflicts(batch: readonly BallotInput[]): void {
  const seen = new Set<string>();
  for (const b of batch) {
    for (const key of [`v\0${b.pollId}\0${b.voterHash}`, `k\0${b.pollId}\0${b.keyHash}`]) {
      if (seen.has(key)) throw new Error('A batch holds two ballots with the same voter or idempotency key.');
      seen.add(key);
    }
  }
}

function ballotParams(ballots: readonly BallotInput[]): unknown[] {
  return [
    ballots.map((b) => b.pollId),
    ballots.map((b) => b.voterHash),
    ballots.map((b) => b.keyHash),
    ballots.map((b) => b.digest),
    // Option ids match ^[a-z0-9][a-z0-9-]*$, so a comma cannot occur inside one; a flat
    // text[] keeps one statement for any mix of ballot sizes.
    ballots.map((b) => b.options.join(',')),
  ];
}

/** Deadlocks and serialization failures are transient: the same statement may simply run again. */
async function withRetry<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= attempts || (code !== '40P01' && code !== '40001')) throw error;
    }
  }
}

async function classifyConflicts(db: Pick<SqlDriver, 'query'>, ballots: readonly BallotInput[]): Promise<(WriteOutcome | undefined)[]> {
  const params = ballotParams(ballots);
  // Two index lookups rather than one OR-join, which PostgreSQL cannot serve from the indexes.
  const rows = await db.query<{ ord: number; by_key: boolean; same_voter: boolean; same_digest: boolean }>(
    `SELECT v.ord::int AS ord, true AS by_key,
            coalesce(e.voter_hash = decode(v.voter_hash, 'hex'), false) AS same_voter,
            coalesce(e.request_digest = decode(v.digest, 'hex'), false) AS same_digest
       FROM ${BALLOT_COLUMNS}
       JOIN votes e ON e.poll_id = v.poll_id AND e.key_hash = decode(v.key_hash, 'hex')
     UNION ALL
     SELECT v.ord::int, false, true, false
       FROM ${BALLOT_COLUMNS}
       JOIN votes e ON e.poll_id = v.poll_id AND e.voter_hash = decode(v.voter_hash, 'hex')`,
    params,
  );
  const outcomes: (WriteOutcome | undefined)[] = new Array(ballots.length).fill(undefined);
  for (const row of rows) {
    const i = row.ord - 1;
    if (row.by_key) {
      outcomes[i] = row.same_voter && row.same_digest ? 'replay' : 'key-reused';
    } else if (outcomes[i] === undefined) {
      outcomes[i] = 'already-voted';
    }
  }
  return outcomes;
}

/** Opens the database the configuration names, applies migrations and returns the store. */
export async function openStore(options: OpenStoreOptions): Promise<VoteStore> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, { max: options.poolSize, onError: options.onError })
    : await openPGlite(join(options.dataDir, 'pglite'), { lockWaitMs: options.lockWaitMs });
  const store = new VoteStore(db);
  try {
    await migrate(db);
    await store.loadAnonymized();
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return store;
}
