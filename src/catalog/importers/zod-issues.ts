import type { z } from 'zod';
import type { ImportIssue } from '../../platform/index.ts';

/** Turns zod's issues into import issues that name the field path and the fix. */
export function zodIssuesToImportIssues(error: z.ZodError, file: string, line?: number, column?: number): ImportIssue[] {
  return error.issues.map((issue) => ({
    file,
    line,
    column,
    field: issue.path.join('.') || undefined,
    message: issue.message,
  }));
}
