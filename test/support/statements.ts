// Counting the SQL statements a piece of work sends (the performance issues' "no round trip per row"):
// Drizzle's logger on the database's session, and on every transaction's session (they share its
// options), for as long as the count runs. BEGIN and COMMIT (sent by the driver) are not counted.
// A prepared statement (db/prepared.ts) keeps the logger object it was prepared with: that object's
// own logQuery is counted too.
import type { Db } from '../../src/server/db/client';

interface LoggedSession {
  logger: { logQuery(query: string, params: unknown[]): void };
  options: { logger?: LoggedSession['logger'] };
}

export async function countStatements<T>(db: Db, work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const session = (db as unknown as { session: LoggedSession }).session;
  const statements: string[] = [];
  // node-postgres's transactions log their BEGIN and COMMIT through the same logger; PGlite's don't.
  const logger = { logQuery: (query: string) => void (/^\s*(begin|commit|rollback)\b/iu.test(query) || statements.push(query)) };
  const before = { logger: session.logger, options: session.options.logger, logQuery: session.logger.logQuery };
  const kept = session.logger;
  session.logger = logger;
  session.options.logger = logger;
  kept.logQuery = logger.logQuery;
  try {
    return { result: await work(), statements };
  } finally {
    session.logger = before.logger;
    session.options.logger = before.options;
    kept.logQuery = before.logQuery;
  }
}
