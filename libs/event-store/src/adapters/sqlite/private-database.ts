import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Opens a SQLite file that holds secrets (keys, password hashes, sealed webhook secrets): created
 * readable by its owner only before SQLite first opens it (SQLite gives the -wal and -shm files the
 * same mode), in WAL with every commit synced, waiting up to 5 s for another connection's lock.
 * The event store is not one of these: it tunes its own durability (sqlite-event-store.ts).
 */
export function openPrivateDatabase(path: string): Database.Database {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true });
    // 'a' creates the file if missing and leaves an existing one (and its mode) as it is.
    closeSync(openSync(path, 'a', 0o600));
  }
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
