import { checkGrounding } from '../guardrails.ts';
import type { Citation } from '../types.ts';

/**
 * Releases model text to the shopper one complete sentence at a time, after checking it: a
 * sentence that states a policy without citing a retrieved passage closes the gate for the rest of
 * the turn, and the caller replaces what is left with "I don't know" + a hand-off offer.
 */
export class GroundingGate {
  private buffer = '';
  private closed = false;
  readonly used = new Map<number, Citation>();
  failure: string | null = null;

  constructor(private readonly retrieved: () => Citation[], private readonly release: (text: string) => void) {}

  get isClosed(): boolean { return this.closed; }

  push(text: string): void {
    if (this.closed) return;
    this.buffer += text;
    let boundary = this.boundary();
    while (boundary > 0 && !this.closed) {
      this.check(this.buffer.slice(0, boundary));
      this.buffer = this.buffer.slice(boundary);
      boundary = this.boundary();
    }
  }

  flush(): void {
    if (!this.closed && this.buffer.trim()) this.check(this.buffer);
    this.buffer = '';
  }

  /** End of the next complete sentence (after its citation markers), or 0. */
  private boundary(): number {
    const match = /[.!?](?:\s*\[\d+\])*(?=\s)|\n/.exec(this.buffer);
    if (!match) return 0;
    const end = match.index + match[0].length;
    return end < this.buffer.length ? end : 0;
  }

  private check(sentence: string): void {
    const result = checkGrounding(sentence, this.retrieved());
    if (!result.ok) {
      this.closed = true;
      this.failure = result.reason;
      return;
    }
    for (const citation of result.used) this.used.set(citation.n, citation);
    this.release(sentence);
  }
}
