import type { RequestHandler } from 'express';
import { invalidInput } from '../../platform/index.ts';

/**
 * Refuses request paths that no route can mean: a malformed %-escape (Express would only fail
 * later, inside whichever router decodes a parameter) and a NUL character, which PostgreSQL text
 * cannot hold. Thrown as invalid_input so every surface answers 400 in its own format (ACP's flat
 * Error under /acp, problem+json elsewhere) instead of a 500.
 */
export const guardPath: RequestHandler = (request, _response, next) => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(request.path);
  } catch {
    return next(invalidInput('The URL path has a malformed %-escape.', { field: 'path', fix: 'Percent-encode each path segment (encodeURIComponent): % followed by two hex digits of valid UTF-8.' }));
  }
  if (decoded.includes('\u0000')) return next(invalidInput('The URL path contains a NUL character (%00).', { field: 'path', fix: 'Remove %00 from the path.' }));
  next();
};
