import { ShopkeeperError } from '../../platform/index.ts';

/** Deeper than any request we define; deeper bodies are attacks on recursive code paths. */
export const MAX_JSON_DEPTH = 64;

/**
 * Rejects a JSON body nested deeper than MAX_JSON_DEPTH before it is parsed, scanning the raw
 * bytes once (string-aware) so hashing, validation and logging never recurse on hostile input.
 */
export function assertJsonDepth(raw: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < raw.length; index++) {
    const byte = raw[index]!;
    if (inString) {
      if (byte === 0x5c) index++;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) {
        throw new ShopkeeperError('invalid_input', `The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep.`, { fix: 'Send a flatter JSON document.' });
      }
    } else if (byte === 0x5d || byte === 0x7d) depth--;
  }
}
