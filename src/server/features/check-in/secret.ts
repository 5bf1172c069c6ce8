// The key that signs check-in codes: QT_CHECK_IN_SECRET when set (validated in env.ts); otherwise
// generated on first use and kept in server_secrets, so codes stay valid across restarts and across
// the processes of one installation. Read once per process and database.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Env } from '../../env';
import { serverSecrets } from './tables';

const cache = new WeakMap<Db, Promise<string>>();

export function checkInSecret(db: Db, env: Pick<Env, 'QT_CHECK_IN_SECRET'>): Promise<string> {
  if (env.QT_CHECK_IN_SECRET) return Promise.resolve(env.QT_CHECK_IN_SECRET);
  let secret = cache.get(db);
  if (!secret) {
    secret = storedSecret(db);
    secret.catch(() => cache.delete(db));
    cache.set(db, secret);
  }
  return secret;
}

async function storedSecret(db: Db): Promise<string> {
  await db.insert(serverSecrets).values({ name: 'check-in', value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
  const [row] = await db.select().from(serverSecrets).where(eq(serverSecrets.name, 'check-in'));
  return row!.value;
}
