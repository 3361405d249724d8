import type { DataSource, EntityManager } from 'typeorm';

/** Tail of the transaction queue of each SQLite data source. */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs `work` in a transaction. On SQLite, typeorm shares one query runner among all callers, so
 * overlapping transactions would nest into savepoints of each other. This function therefore
 * queues them one after another. PostgreSQL runs them concurrently on separate pool connections.
 */
export function runTransaction<T>(db: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (db.options.type === 'postgres') return db.transaction(work);

  const previous = sqliteQueues.get(db) ?? Promise.resolve();
  const result = previous.catch(() => undefined).then(() => db.transaction(work));
  sqliteQueues.set(db, result.catch(() => undefined));
  return result;
}
