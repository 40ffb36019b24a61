import { z } from 'zod';

/**
 * Plainer zod messages for the people who read them: a missing field says it is required and
 * a wrong type says what was expected, instead of zod's generic "Invalid input".
 */
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type') {
      if (issue.input === undefined) return 'is required';
      return `must be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}, not ${issue.input === null ? 'null' : typeof issue.input}`;
    }
    return undefined;
  },
});
