export { buildApp, VOTER_HEADER, type AppOptions, type VoteApp } from './app.js';
export { loadConfig, ConfigError, DEV_ORIGINS, type ServerConfig } from './config.js';
export { ApiError, type ErrorBody, type ErrorCode } from './errors.js';
export { pollState, pollsFromFeed, readFeedSource, PollCatalog, FeedSourceError, type PollDefinition, type PollState } from './polls.js';
export { startVoteServer, type RunningServer } from './server.js';
export { openStore, VoteStore, type BallotInput, type Totals, type WriteOutcome } from './store/vote-store.js';
export { deriveKeys, loadOrCreateSecret, keyedHash, type Keys } from './internal/secrets.js';
export { solve, type Challenge, type Solution } from './internal/pow.js';
