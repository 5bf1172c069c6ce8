// Optimistic concurrency for every row that carries `version`: the write itself says which version
// it replaces (`UPDATE … SET …, version = version + 1 WHERE <key> AND version = $expected`), so of
// two saves sent with the same version only one changes the row, whatever the isolation level.
// Reading the row and comparing first gives a friendly 409 early, but is not what makes it correct:
// under READ COMMITTED both transactions may read version N before either commits.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgInsertValue, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { conflict, type Entity } from '../errors';
import type { DbOrTx } from './client';

type VersionedTable = PgTable & { version: PgColumn };

/** `version + 1`, for writes that bump the version without a version the user sent (imports). */
export const nextVersion = (table: VersionedTable) => sql`${table.version} + 1`;

export interface VersionedWrite<T extends VersionedTable> {
  /** 409 `<entity>.version-conflict`; `current` (if given) loads the record as it is now for the body. */
  entity: Entity;
  current?: () => Promise<unknown> | unknown;
  /**
   * Create-on-first-save: when `expectedVersion` is `absentVersion` (the version shown for a row not
   * stored yet), the row is inserted; should it exist meanwhile, it is updated only if still at
   * `expectedVersion` (`INSERT … ON CONFLICT (target) DO UPDATE … WHERE version = $expected`).
   */
  create?: { absentVersion: number; target: PgColumn | PgColumn[]; values: Omit<PgInsertValue<T>, 'version'> };
}

/**
 * Writes `set` to the row `key` if its version is still `expectedVersion`, and bumps the version.
 * Returns the row as written; throws the entity's 409 when another save came first (0 rows).
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: DbOrTx,
  table: T,
  key: SQL | undefined,
  expectedVersion: number,
  set: Omit<PgUpdateSetSource<T>, 'version'>,
  write: VersionedWrite<T>,
): Promise<T['$inferSelect']> {
  const bumped = { ...set, version: nextVersion(table) } as PgUpdateSetSource<T>;
  const rows = (
    write.create && expectedVersion === write.create.absentVersion
      ? await tx
          .insert(table)
          .values({ ...write.create.values, version: expectedVersion + 1 } as PgInsertValue<T>)
          .onConflictDoUpdate({ target: write.create.target, set: bumped, setWhere: and(key, eq(table.version, expectedVersion)) })
          .returning()
      : await tx.update(table).set(bumped).where(and(key, eq(table.version, expectedVersion))).returning()
  ) as T['$inferSelect'][];
  if (rows[0]) return rows[0];
  // A later statement of this transaction sees the other save's commit (READ COMMITTED).
  throw conflict(write.entity, write.current ? await write.current() : undefined);
}
