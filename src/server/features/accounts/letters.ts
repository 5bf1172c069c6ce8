// Printing the letters of accounts whose codes the administrator was just shown (bulk onboarding, a
// reset): the browser sends back usernames and codes, and only a code that is the account's valid
// code now is printed, so nothing is kept in plain text and no one prints a made-up letter.
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { roleGrants, users } from '../../auth/tables';
import { badRequest } from '../../errors';
import { now } from '../../clock';
import { todayInVietnam } from '../../../domain/dates';
import { normaliseCode, formatCode } from '../../../domain/one-time-codes';
import { buildAccountLetter, type AccountLetter } from '../../documents/account-letter';
import type { DocumentModel } from '../../documents/model';
import { loadCommuneSettings } from '../settings/service';
import { members } from '../members/tables';
import { units, type Unit } from '../units/tables';
import { hashCode } from './codes';
import { oneTimeCodes } from './tables';
import { readTogether } from '../../db/read-together';

const cellRoles = ['cellSecretary', 'member'] as const;

export async function letterModels(db: DbOrTx, commune: Unit, requested: readonly { username: string; oneTimeCode: string }[], address: string): Promise<DocumentModel[]> {
  const usernames = [...new Set(requested.map((r) => r.username))];
  const accounts = await db.select().from(users).where(and(eq(users.tenantId, commune.id), inArray(users.username, usernames)));
  const byName = new Map(accounts.map((u) => [u.username, u]));
  const ids = accounts.map((u) => u.id);
  const [codes, grants, memberCells] = ids.length
    ? await readTogether(db, [
        () => db
          .select({ userId: oneTimeCodes.userId, codeHash: oneTimeCodes.codeHash, expiresAt: oneTimeCodes.expiresAt })
          .from(oneTimeCodes)
          .where(and(eq(oneTimeCodes.tenantId, commune.id), inArray(oneTimeCodes.userId, ids), isNull(oneTimeCodes.usedAt), gt(oneTimeCodes.expiresAt, now()))),
        () => db
          .select({ userId: roleGrants.userId, role: roleGrants.role, cellName: units.name })
          .from(roleGrants)
          .innerJoin(units, and(eq(units.tenantId, roleGrants.tenantId), eq(units.id, roleGrants.unitId)))
          .where(and(eq(roleGrants.tenantId, commune.id), inArray(roleGrants.userId, ids), inArray(roleGrants.role, [...cellRoles]), eq(units.kind, 'cell'))),
        () => db
          .select({ memberId: members.id, cellName: units.name })
          .from(members)
          .innerJoin(units, and(eq(units.tenantId, members.tenantId), eq(units.id, members.cellId)))
          .where(and(eq(members.tenantId, commune.id), inArray(members.id, accounts.map((u) => u.memberId).filter((id): id is string => id !== null)))),
      ])
    : [[], [], []];
  const validCode = new Map(codes.map((c) => [`${c.userId}|${c.codeHash}`, c.expiresAt]));
  const cellOfMember = new Map(memberCells.map((m) => [m.memberId, m.cellName]));
  const refused: string[] = [];
  const letters: AccountLetter[] = [];
  for (const r of requested) {
    const user = byName.get(r.username);
    const code = normaliseCode(r.oneTimeCode);
    const expiresAt = user && code ? validCode.get(`${user.id}|${hashCode(user.id, code)}`) : undefined;
    if (!user || !code || !expiresAt) {
      refused.push(r.username);
      continue;
    }
    const grant = grants.find((g) => g.userId === user.id && g.role === 'cellSecretary') ?? grants.find((g) => g.userId === user.id);
    letters.push({
      fullName: user.displayName,
      cellName: grant?.cellName ?? (user.memberId ? (cellOfMember.get(user.memberId) ?? '') : ''),
      username: user.username,
      oneTimeCode: formatCode(code),
      // The last day it is valid, in Vietnam: a code issued at 09:00 on the 1st works until 09:00 on the 8th.
      validUntil: todayInVietnam(new Date(new Date(expiresAt).getTime() - 1)),
    });
  }
  if (refused.length) {
    throw badRequest(
      'accounts.letter-code-invalid',
      `Không in được thư cho ${refused.length} tài khoản vì mã không đúng, đã dùng hoặc đã hết hạn: ${refused.slice(0, 10).join(', ')}${refused.length > 10 ? '…' : ''}. Hãy cấp lại mã.`,
      { usernames: refused },
    );
  }
  const settings = await loadCommuneSettings(db, commune);
  const context = { superior: settings.superiorName, issuer: settings.issuerName, place: settings.placeName, date: todayInVietnam(now()), address, spelling: settings.uySpelling };
  return letters.map((letter) => buildAccountLetter(letter, context));
}
