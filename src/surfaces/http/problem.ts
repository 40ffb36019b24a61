import type { ErrorRequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import { ShopkeeperError, httpStatusOf, type Logger } from '../../platform/index.ts';

/** An RFC 9457 problem document with our `code`, the offending `field` and the `fix`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  field?: string;
  fix?: string;
  errors?: Array<{ field: string; message: string }>;
}

export function sendProblem(response: Response, problem: Omit<Problem, 'type'> & { type?: string }): void {
  response.status(problem.status).type('application/problem+json').json({ type: 'about:blank', ...problem });
}

export function zodProblem(error: ZodError, where: 'query' | 'body' | 'path'): Problem {
  const errors = error.issues.map((issue) => ({ field: issue.path.join('.') || where, message: issue.message }));
  const first = errors[0]!;
  return {
    type: 'about:blank', title: 'Invalid request', status: 400, code: 'invalid_input',
    detail: `${where} parameter ${first.field}: ${first.message}`, field: first.field,
    fix: `Send a valid ${first.field}; see the API reference in the README.`, errors,
  };
}

/** What to do about a body in a charset or Content-Encoding the parser cannot read. */
export const ENCODING_FIX = 'Send the body as UTF-8 JSON (Content-Type: application/json; charset=utf-8), uncompressed or with Content-Encoding gzip, deflate or br.';

/** Maps every error once: typed domain errors keep their message, anything else is a bare 500. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, request, response, _next) => {
    if (response.headersSent) return;
    const parserError = error as { type?: string; status?: number; limit?: number; body?: unknown };
    if (parserError.type === 'entity.too.large') {
      return sendProblem(response, { title: 'Body too large', status: 413, code: 'body_too_large', detail: `The request body is larger than ${parserError.limit} bytes.`, fix: 'Send a smaller body.' });
    }
    if (parserError.type === 'entity.parse.failed') {
      return sendProblem(response, { title: 'Malformed JSON', status: 400, code: 'invalid_json', detail: `The body is not valid JSON: ${(error as Error).message}`, fix: 'Send a JSON object with Content-Type: application/json.' });
    }
    if (parserError.type === 'encoding.unsupported' || parserError.type === 'charset.unsupported') {
      return sendProblem(response, { title: 'Unsupported encoding', status: 415, code: 'unsupported_encoding', detail: `${(error as Error).message}.`, fix: ENCODING_FIX });
    }
    if (error instanceof ZodError) return sendProblem(response, zodProblem(error, 'body'));
    if (ShopkeeperError.isInstance(error)) {
      const status = httpStatusOf[error.code];
      return sendProblem(response, {
        title: error.code.replace(/_/g, ' '), status, code: error.code, detail: error.message,
        ...(typeof error.details.field === 'string' ? { field: error.details.field } : {}),
        ...(typeof error.details.fix === 'string' ? { fix: error.details.fix } : {}),
      });
    }
    // http-errors from Express and body-parser (a malformed %-escape in the path, an unsupported
    // content encoding…) carry their own 4xx status and a message safe to show.
    if (typeof parserError.status === 'number' && parserError.status >= 400 && parserError.status < 500 && (error as { expose?: boolean }).expose !== false) {
      return sendProblem(response, { title: 'Bad request', status: parserError.status, code: 'bad_request', detail: (error as Error).message, fix: 'Check the URL and headers of the request.' });
    }
    logger.error({ err: error, path: request.path, method: request.method }, 'unhandled error');
    sendProblem(response, { title: 'Internal error', status: 500, code: 'internal_error', detail: 'Something went wrong on our side; it has been logged.' });
  };
}
