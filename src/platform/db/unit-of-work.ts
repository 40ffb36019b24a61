import { AsyncLocalStorage } from 'node:async_hooks';
import { immediate, type SqliteDb } from './sqlite.ts';

/**
 * Lets a surface add its own rows to the transaction that commits a request's effect, without the
 * capability knowing about it: the ACP idempotency record is stored atomically with the session
 * change it describes, so a crash can never leave one without the other.
 */
export interface TxParticipant {
  /** Called inside the transaction, once, with what the final write produced. */
  onFinalWrite(result: unknown): void;
}

const current = new AsyncLocalStorage<{ participant: TxParticipant; used: boolean }>();

export function withTxParticipant<T>(participant: TxParticipant, work: () => Promise<T>): Promise<T> {
  return current.run({ participant, used: false }, work);
}

/** Runs `work` outside any participant: intermediate writes of a multi-step effect. */
export function withoutTxParticipant<T>(work: () => Promise<T>): Promise<T> {
  return current.exit(work);
}

/** An IMMEDIATE transaction that ends a request's effect; the request's participant joins it. */
export function finalWrite<T>(db: SqliteDb, work: () => T): T {
  return immediate(db, () => {
    const result = work();
    const slot = current.getStore();
    if (slot && !slot.used) {
      slot.used = true;
      slot.participant.onFinalWrite(result);
    }
    return result;
  });
}
