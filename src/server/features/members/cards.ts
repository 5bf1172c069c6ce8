// Party card numbers are national (decision 017): `members` is a tenant table, and the number's
// uniqueness across communes is kept by the lookup table `member_cards`, keyed by the number. Every
// write of a member's card goes through here, in the same transaction as the member.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { duplicate } from '../../errors';
import { memberCards } from './tables';

export interface CardClaim {
  cardNumber: string | null;
  memberId: string;
}

const taken = (cardNumber: string) => duplicate('member.card-number-taken', `Số thẻ đảng viên ${cardNumber} đã thuộc về một đảng viên khác.`);

/** Claims the numbers for members of the tenant; a number held by anyone else is 409 (the caller's transaction rolls back). */
export async function claimCards(tx: DbOrTx, tenantId: string, claims: CardClaim[]): Promise<void> {
  const rows = claims.filter((c): c is CardClaim & { cardNumber: string } => Boolean(c.cardNumber)).map((c) => ({ cardNumber: c.cardNumber, tenantId, memberId: c.memberId }));
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    const claimed = await tx.insert(memberCards).values(batch).onConflictDoNothing().returning({ cardNumber: memberCards.cardNumber });
    if (claimed.length < batch.length) {
      const got = new Set(claimed.map((c) => c.cardNumber));
      throw taken(batch.find((r) => !got.has(r.cardNumber))!.cardNumber);
    }
  }
}

/** Moves a member's card from `before` to `after` (either may be null). */
export async function changeCard(tx: DbOrTx, tenantId: string, memberId: string, before: string | null, after: string | null): Promise<void> {
  if (before === after) return;
  if (before) await tx.delete(memberCards).where(and(eq(memberCards.cardNumber, before), eq(memberCards.memberId, memberId)));
  if (after) await claimCards(tx, tenantId, [{ cardNumber: after, memberId }]);
}

/** Who holds these numbers, whatever their commune: one lookup by key, never a scan of every tenant's members. */
export async function cardOwners(db: DbOrTx, cardNumbers: string[]) {
  if (cardNumbers.length === 0) return [];
  return db.select().from(memberCards).where(inArray(memberCards.cardNumber, cardNumbers));
}
