export { WirVotingBox } from './voting-box.js';
export { WirVoteSubmitEvent, WirVoteAcceptEvent, WirVoteRejectEvent } from './events.js';
export type { VoteSubmitDetail, VoteAcceptDetail, VoteRejectDetail } from './events.js';
export type { VoteRecord, VoteStatus } from './outbox.js';
export type { PollState, PollResults } from './vote-client.js';
