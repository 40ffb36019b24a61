/**
 * Typed domain errors. Each surface maps them once (HTTP problem JSON, ACP Error, MCP isError);
 * anything that is not a ShopkeeperError becomes a generic 500 with no message leaked.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'policy_violation'
  | 'payment_failed'
  | 'unavailable'
  | 'config_error';

const marker = Symbol.for('shopkeeper.error');

export interface ErrorDetails {
  /** The input field the error is about, as a dotted path (`line_items.0.quantity`). */
  field?: string;
  /** What the caller should do about it. */
  fix?: string;
  cause?: unknown;
  [extra: string]: unknown;
}

export class ShopkeeperError extends Error {
  private readonly [marker] = true;
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ShopkeeperError';
    this.code = code;
    this.details = details;
  }

  /** Brand check that survives duplicated module instances (tsx + vitest can load a file twice). */
  static isInstance(error: unknown): error is ShopkeeperError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

export const invalidInput = (message: string, details: ErrorDetails = {}) => new ShopkeeperError('invalid_input', message, details);
export const notFound = (message: string, details: ErrorDetails = {}) => new ShopkeeperError('not_found', message, details);
export const conflict = (message: string, details: ErrorDetails = {}) => new ShopkeeperError('conflict', message, details);

/** HTTP status for each code; surfaces that speak HTTP use this one table. */
export const httpStatusOf: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  policy_violation: 422,
  payment_failed: 402,
  unavailable: 503,
  config_error: 500,
};
