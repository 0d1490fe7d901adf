/**
 * Every error the API returns has a stable machine-readable code; clients (the voting box)
 * switch on `error` and may show `message` only as a fallback, because it is English.
 */
export type ErrorCode =
  | 'malformed-request'
  | 'request-timeout'
  | 'headers-too-large'
  | 'malformed-json'
  | 'empty-body'
  | 'invalid-body'
  | 'invalid-header'
  | 'body-too-large'
  | 'unsupported-media-type'
  | 'not-found'
  | 'malformed-url'
  | 'uri-too-long'
  | 'unknown-poll'
  | 'unknown-option'
  | 'duplicate-option'
  | 'no-option'
  | 'too-many-options'
  | 'poll-not-open'
  | 'poll-closed'
  | 'already-voted'
  | 'idempotency-key-reused'
  | 'origin-not-allowed'
  | 'rate-limited'
  | 'challenge-disabled'
  | 'challenge-required'
  | 'challenge-invalid'
  | 'challenge-expired'
  | 'challenge-used'
  | 'overloaded'
  | 'storage-unavailable'
  | 'internal-error';

export interface ErrorBody {
  error: ErrorCode;
  message: string;
  /** JSON pointer into the request body for `invalid-body`, e.g. "/options/0". */
  field?: string;
}

export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: ErrorCode;
  readonly field?: string;
  /** Seconds, sent as Retry-After (429, 503). */
  readonly retryAfter?: number;

  constructor(statusCode: number, code: ErrorCode, message: string, extra: { field?: string; retryAfter?: number } = {}) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.code = code;
    this.field = extra.field;
    this.retryAfter = extra.retryAfter;
  }

  toBody(): ErrorBody {
    return this.field === undefined
      ? { error: this.code, message: this.message }
      : { error: this.code, message: this.message, field: this.field };
  }
}
