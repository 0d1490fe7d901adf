/** JSON schemas of request bodies and responses; Fastify validates and serialises with them. */

export const ID_PATTERN = '^[a-z0-9][a-z0-9-]*$';
/** ≥ 22 base64url characters = ≥ 132 random bits. */
export const VOTER_PATTERN = '^[A-Za-z0-9_-]{22,128}$';
export const UUID_PATTERN = '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$';
/** Structural ceiling; the poll's own maxChoices is checked afterwards with a precise reason. */
export const MAX_OPTIONS_IN_BODY = 64;

export interface VoteBody {
  options: string[];
  voter: string;
  idempotencyKey: string;
  proof?: { algorithm: string; challenge: string; number: number; salt: string; signature: string };
}

export const voteBodySchema = {
  type: 'object',
  required: ['options', 'voter', 'idempotencyKey'],
  additionalProperties: false,
  properties: {
    options: {
      type: 'array',
      maxItems: MAX_OPTIONS_IN_BODY,
      items: { type: 'string', minLength: 1, maxLength: 100, pattern: ID_PATTERN },
    },
    voter: { type: 'string', pattern: VOTER_PATTERN },
    idempotencyKey: { type: 'string', pattern: UUID_PATTERN },
    proof: {
      type: 'object',
      required: ['algorithm', 'challenge', 'number', 'salt', 'signature'],
      additionalProperties: false,
      properties: {
        algorithm: { type: 'string', maxLength: 16 },
        challenge: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        number: { type: 'integer', minimum: 0, maximum: 1_000_000_000 },
        salt: { type: 'string', minLength: 1, maxLength: 200 },
        signature: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      },
    },
  },
} as const;

const localizedText = {
  anyOf: [{ type: 'string' }, { type: 'object', additionalProperties: { type: 'string' } }],
} as const;

const results = {
  type: ['object', 'null'],
  required: ['counts', 'total'],
  properties: {
    counts: { type: 'object', additionalProperties: { type: 'integer' } },
    total: { type: 'integer' },
  },
} as const;

const errorBody = {
  type: 'object',
  required: ['error', 'message'],
  properties: { error: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } },
} as const;

export const pollResponseSchema = {
  type: 'object',
  required: ['id', 'state', 'opens', 'closes', 'choice', 'minChoices', 'maxChoices', 'resultsVisibility', 'question', 'options', 'challengeRequired', 'voted', 'results', 'refreshAfter'],
  properties: {
    id: { type: 'string' },
    state: { type: 'string' },
    opens: { type: 'string' },
    closes: { type: 'string' },
    choice: { type: 'string' },
    minChoices: { type: 'integer' },
    maxChoices: { type: 'integer' },
    resultsVisibility: { type: 'string' },
    question: localizedText,
    description: localizedText,
    options: {
      type: 'array',
      items: { type: 'object', required: ['id', 'label'], properties: { id: { type: 'string' }, label: localizedText } },
    },
    challengeRequired: { type: 'boolean' },
    voted: { type: ['boolean', 'null'] },
    results,
    refreshAfter: { type: 'integer' },
  },
} as const;

export const pollListResponseSchema = {
  type: 'object',
  required: ['polls'],
  properties: {
    polls: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'state', 'opens', 'closes'],
        properties: { id: { type: 'string' }, state: { type: 'string' }, opens: { type: 'string' }, closes: { type: 'string' } },
      },
    },
  },
} as const;

export const voteResponseSchema = {
  type: 'object',
  required: ['poll', 'options', 'voted'],
  properties: {
    poll: { type: 'string' },
    options: { type: 'array', items: { type: 'string' } },
    voted: { type: 'boolean' },
  },
} as const;

export const challengeResponseSchema = {
  type: 'object',
  required: ['algorithm', 'challenge', 'maxnumber', 'salt', 'signature'],
  properties: {
    algorithm: { type: 'string' },
    challenge: { type: 'string' },
    maxnumber: { type: 'integer' },
    salt: { type: 'string' },
    signature: { type: 'string' },
  },
} as const;

export { errorBody as errorResponseSchema };
