// Issuing and using one-time codes (decision 016). A code is random (40 bits), expires after 7 days
// and is used once, so a fast hash is enough: SHA-256 of the account's id and the code. Bulk
// onboarding issues thousands in one transaction; scrypt would take minutes there.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { now } from '../../clock';
import { codeExpiry, codeFromBytes, normaliseCode } from '../../../domain/one-time-codes';
import { oneTimeCodes } from './tables';
import { insertJsonRows } from '../../db/json-insert';

export const hashCode = (userId: string, normalised: string) => createHash('sha256').update(`${userId}:${normalised}`).digest('base64url');

export interface CodeFor {
  tenantId: string;
  userId: string;
}

/**
 * New codes for the accounts, replacing their unused ones; returns each code as printed
 * ("ABCD-EFGH") in the order given, and when they expire.
 */
export async function issueCodes(tx: DbOrTx, accounts: readonly CodeFor[], issuedBy: string | null): Promise<{ codes: string[]; expiresAt: Date }> {
  const createdAt = now();
  const expiresAt = codeExpiry(createdAt);
  const codes = accounts.map(() => codeFromBytes(randomBytes(8)));
  for (let i = 0; i < accounts.length; i += 1000) {
    const chunk = accounts.slice(i, i + 1000);
    for (const tenantId of new Set(chunk.map((a) => a.tenantId))) {
      const userIds = chunk.filter((a) => a.tenantId === tenantId).map((a) => a.userId);
      await tx.delete(oneTimeCodes).where(and(eq(oneTimeCodes.tenantId, tenantId), inArray(oneTimeCodes.userId, userIds), isNull(oneTimeCodes.usedAt)));
    }
    await insertJsonRows(
      tx,
      oneTimeCodes,
      chunk.map((a, j) => ({ tenantId: a.tenantId, id: crypto.randomUUID(), userId: a.userId, codeHash: hashCode(a.userId, normaliseCode(codes[i + j]!)!), issuedBy, createdAt, expiresAt })),
    );
  }
  return { codes, expiresAt };
}

export async function issueCode(tx: DbOrTx, account: CodeFor, issuedBy: string | null) {
  const { codes, expiresAt } = await issueCodes(tx, [account], issuedBy);
  return { code: codes[0]!, expiresAt };
}

/**
 * Marks the account's code used if it is valid now (unused, not expired); true when it was. The
 * update is the check, so two sign-ins racing with one code cannot both succeed.
 */
export async function useCode(tx: DbOrTx, account: CodeFor, typed: string): Promise<boolean> {
  const normalised = normaliseCode(typed);
  if (!normalised) return false;
  const moment = now();
  const used = await tx
    .update(oneTimeCodes)
    .set({ usedAt: moment })
    .where(
      and(
        eq(oneTimeCodes.tenantId, account.tenantId),
        eq(oneTimeCodes.userId, account.userId),
        eq(oneTimeCodes.codeHash, hashCode(account.userId, normalised)),
        isNull(oneTimeCodes.usedAt),
        gt(oneTimeCodes.expiresAt, moment),
      ),
    )
    .returning({ id: oneTimeCodes.id });
  return used.length > 0;
}

/** Whether the code is the account's valid code now, without using it (to print it on a letter). */
export async function isValidCode(tx: DbOrTx, account: CodeFor, typed: string): Promise<boolean> {
  const normalised = normaliseCode(typed);
  if (!normalised) return false;
  const [row] = await tx
    .select({ n: sql<number>`1` })
    .from(oneTimeCodes)
    .where(
      and(
        eq(oneTimeCodes.tenantId, account.tenantId),
        eq(oneTimeCodes.userId, account.userId),
        eq(oneTimeCodes.codeHash, hashCode(account.userId, normalised)),
        isNull(oneTimeCodes.usedAt),
        gt(oneTimeCodes.expiresAt, now()),
      ),
    );
  return row !== undefined;
}
