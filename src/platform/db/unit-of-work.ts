import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlDb, SqlExecutor } from './sql.ts';

/**
 * Lets a surface add its own rows to the transaction that commits a request's effect, without the
 * capability knowing about it: the ACP idempotency record is stored atomically with the session
 * change it describes, so a crash can never leave one without the other.
 */
export interface TxParticipant {
  /** Called inside the transaction, once, with what the final write produced; writes with `tx`. */
  onFinalWrite(result: unknown, tx: SqlExecutor): Promise<void>;
}

const current = new AsyncLocalStorage<{ participant: TxParticipant; used: boolean }>();

export function withTxParticipant<T>(participant: TxParticipant, work: () => Promise<T>): Promise<T> {
  return current.run({ participant, used: false }, work);
}

/** Runs `work` outside any participant: intermediate writes of a multi-step effect. */
export function withoutTxParticipant<T>(work: () => Promise<T>): Promise<T> {
  return current.exit(work);
}

/**
 * The transaction that ends a request's effect; the request's participant joins it. A participant
 * that throws rolls the effect back too. A final write that produced nothing (null or undefined:
 * a lost race) is not the effect, so the participant is not called.
 */
export function finalWrite<T>(sql: SqlDb, work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  return sql.transaction(async (tx) => {
    const result = await work(tx);
    const slot = current.getStore();
    if (slot && !slot.used && result !== null && result !== undefined) {
      slot.used = true;
      await slot.participant.onFinalWrite(result, tx);
    }
    return result;
  });
}
