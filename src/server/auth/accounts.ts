// Accounts and their globally unique usernames (decision 017). `users` is a tenant table; the
// username → (tenant, account) lookup lives in `usernames`, keyed by the name, so that it is unique
// across tenants and sign-in finds the account's tenant first. Both are written in one transaction:
// every account is created here, never by a bare insert into users.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { duplicate } from '../errors';
import { usernames, users, type User } from './tables';

export type NewAccount = typeof users.$inferInsert;

/** Inserts the account and claims its username; a name already taken (in any commune) is 409. */
export async function insertAccount(tx: DbOrTx, values: NewAccount): Promise<User> {
  const username = values.username.trim().toLowerCase();
  const [claimed] = await tx
    .insert(usernames)
    .values({ username, tenantId: values.tenantId, userId: values.id ?? crypto.randomUUID() })
    .onConflictDoNothing()
    .returning();
  if (!claimed) throw duplicate('account.username-taken', `Tên đăng nhập ${username} đã có người dùng.`);
  const [user] = await tx
    .insert(users)
    .values({ ...values, id: claimed.userId, username })
    .returning();
  return user!;
}

/** The account a username names: its tenant from the lookup table, then the account within it. */
export async function findAccountByUsername(db: DbOrTx, username: string): Promise<User | undefined> {
  const [entry] = await db.select().from(usernames).where(eq(usernames.username, username.trim().toLowerCase()));
  if (!entry) return undefined;
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, entry.tenantId), eq(users.id, entry.userId)));
  return user;
}
