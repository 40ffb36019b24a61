/** One problem found while importing a file, pointing at where it is. */
export interface ImportIssue {
  file: string;
  line?: number;
  column?: number;
  field?: string;
  message: string;
}

/** What an importer did with one file. */
export interface ImportReport {
  file: string;
  format: string;
  /** Records read (products, customers, orders…), including the ones skipped. */
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  issues: ImportIssue[];
  /** Secondary counts such as variants. */
  counts?: Record<string, number>;
}

export function emptyReport(file: string, format: string): ImportReport {
  return { file, format, read: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, issues: [] };
}

export function formatIssue(issue: ImportIssue): string {
  const where = [issue.file, issue.line, issue.column].filter((part) => part !== undefined).join(':');
  return `${where}: ${issue.field ? `${issue.field}: ` : ''}${issue.message}`;
}
