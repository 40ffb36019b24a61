import type { ErrorRequestHandler, Response } from 'express';
import { ShopkeeperError, type Logger } from '../../platform/index.ts';
import { ENCODING_FIX } from '../http/problem.ts';

/** ACP's flat Error: only when no checkout session can be returned (otherwise: messages on a 2xx). */
export interface AcpError {
  type: 'invalid_request' | 'processing_error' | 'service_unavailable';
  code: string;
  message: string;
  param?: string;
  supported_versions?: string[];
}

export function sendAcpError(response: Response, status: number, error: AcpError): void {
  response.status(status).json(error);
}

/** A thrown error as an ACP status + Error body; unknown errors never leak their message. */
export function toAcpError(error: unknown, logger: Logger): { status: number; body: AcpError } {
  if (ShopkeeperError.isInstance(error)) {
    const param = typeof error.details.field === 'string' ? { param: error.details.field.startsWith('$') ? error.details.field : `$.${error.details.field}` } : {};
    switch (error.code) {
      case 'not_found': return { status: 404, body: { type: 'invalid_request', code: 'not_found', message: error.message, ...param } };
      case 'invalid_input': return { status: 400, body: { type: 'invalid_request', code: typeof error.details.acpCode === 'string' ? error.details.acpCode : 'invalid_request', message: withFix(error.message, error.details.fix), ...param } };
      case 'policy_violation': return { status: 405, body: { type: 'invalid_request', code: 'invalid_state', message: error.message, ...param } };
      case 'conflict': return { status: 409, body: { type: 'invalid_request', code: 'conflict', message: error.message } };
      case 'unavailable': return { status: 503, body: { type: 'service_unavailable', code: 'service_unavailable', message: error.message } };
      default: break;
    }
  }
  logger.error({ err: error }, 'ACP request failed');
  return { status: 500, body: { type: 'processing_error', code: 'internal_error', message: 'Something went wrong on our side; it has been logged. Retry with the same Idempotency-Key.' } };
}

// ACP's Error has no fix field: the fix goes at the end of the message.
const withFix = (message: string, fix: unknown) => (typeof fix === 'string' && !message.includes(fix) ? `${message} ${fix}` : message);

/** Body-parser failures on /acp as ACP's flat Error instead of problem+json. */
export function acpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, request, response, next) => {
    if (!request.path.startsWith('/acp/') || response.headersSent) return next(error);
    const parser = error as { type?: string };
    if (parser.type === 'entity.parse.failed') return sendAcpError(response, 400, { type: 'invalid_request', code: 'invalid_json', message: 'The body is not valid JSON.' });
    if (parser.type === 'entity.too.large') return sendAcpError(response, 413, { type: 'invalid_request', code: 'body_too_large', message: 'The request body is too large.' });
    if (parser.type === 'encoding.unsupported' || parser.type === 'charset.unsupported') {
      return sendAcpError(response, 415, { type: 'invalid_request', code: 'unsupported_encoding', message: `${(error as Error).message}. ${ENCODING_FIX}` });
    }
    const mapped = toAcpError(error, logger);
    sendAcpError(response, mapped.status, mapped.body);
  };
}
