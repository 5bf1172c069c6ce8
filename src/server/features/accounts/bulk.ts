// Bulk onboarding (decision 016): accounts for every cell secretary (from positions) or every member
// of the chosen cells, each with a one-time code, in one transaction. A person who already has an
// account keeps it (and their password) and gets a fresh code and any missing grant instead of a
// second account. The result is the letters' content, shown once; the codes are kept only hashed.
import { and, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { roleGrants, users, usernames as usernameTable, type Role } from '../../auth/tables';
import { recordAudit, type AuditEntry } from '../audit/service';
import { badRequest, duplicate, forbidden } from '../../errors';
import { now } from '../../clock';
import { todayInVietnam } from '../../../domain/dates';
import { assignUsernames, usernameBase } from '../../../domain/usernames';
import { compareVietnameseNames } from '../../../domain/vietnamese-names';
import { members } from '../members/tables';
import { persons, positions } from '../people/tables';
import { units, type Unit } from '../units/tables';
import { toRef } from '../units/service';
import { issueCodes } from './codes';
import { insertJsonRows } from '../../db/json-insert';
import { canGrantRole } from './policy';

export type BulkKind = 'cellSecretaries' | 'members';

interface Candidate {
  fullName: string;
  personId: string | null;
  memberId: string | null;
  cell: Unit;
}

const roleOf: Record<BulkKind, Role> = { cellSecretaries: 'cellSecretary', members: 'member' };

/** The cells asked for, all of them the commune's and open; none named means every open cell. */
async function chosenCells(tx: Tx, commune: Unit, cellIds: readonly string[]): Promise<Unit[]> {
  const rows = await tx
    .select()
    .from(units)
    .where(and(eq(units.tenantId, commune.id), eq(units.kind, 'cell'), isNull(units.closedOn), cellIds.length ? inArray(units.id, [...cellIds]) : undefined));
  if (rows.length !== new Set(cellIds).size && cellIds.length) {
    throw badRequest('accounts.bulk-unknown-cell', 'Có chi bộ không thuộc đảng bộ này hoặc đã đóng. Hãy chọn lại các chi bộ.');
  }
  return rows;
}

async function candidates(tx: Tx, commune: Unit, kind: BulkKind, cells: Unit[]): Promise<Candidate[]> {
  const cellOf = new Map(cells.map((c) => [c.id, c]));
  const cellIds = cells.map((c) => c.id);
  if (cellIds.length === 0) return [];
  if (kind === 'members') {
    const rows = await tx
      .select({ id: members.id, personId: members.personId, fullName: members.fullName, cellId: members.cellId })
      .from(members)
      .where(and(eq(members.tenantId, commune.id), inArray(members.cellId, cellIds), isNull(members.leftOn)));
    return rows.map((m) => ({ fullName: m.fullName, personId: m.personId, memberId: m.id, cell: cellOf.get(m.cellId)! }));
  }
  const today = todayInVietnam(now());
  const rows = await tx
    .select({ personId: positions.personId, fullName: persons.fullName, unitId: positions.unitId, memberId: members.id })
    .from(positions)
    .innerJoin(persons, and(eq(persons.tenantId, positions.tenantId), eq(persons.id, positions.personId)))
    .leftJoin(members, and(eq(members.tenantId, positions.tenantId), eq(members.personId, positions.personId)))
    .where(
      and(
        eq(positions.tenantId, commune.id),
        eq(positions.kindCode, 'cellSecretary'),
        inArray(positions.unitId, cellIds),
        lte(positions.fromOn, today),
        or(isNull(positions.toOn), gte(positions.toOn, today)),
      ),
    );
  return rows.map((r) => ({ fullName: r.fullName, personId: r.personId, memberId: r.memberId, cell: cellOf.get(r.unitId)! }));
}

/**
 * The usernames of new accounts, claimed in one statement; a name someone took meanwhile is 409 and
 * the transaction writes nothing. (`insertAccount` does the same for one account.)
 */
async function claimUsernames(tx: Tx, tenantId: string, accounts: readonly { id: string; username: string }[]): Promise<void> {
  for (let i = 0; i < accounts.length; i += 5000) {
    const chunk = accounts.slice(i, i + 5000);
    const json = JSON.stringify(chunk.map((a) => ({ username: a.username, tenant_id: tenantId, user_id: a.id })));
    const result = await tx.execute(
      sql`insert into usernames (username, tenant_id, user_id) select username, tenant_id, user_id from json_populate_recordset(null::usernames, ${json}::json) on conflict do nothing returning username`,
    );
    const claimed = (result as unknown as { rows: unknown[] }).rows.length;
    if (claimed !== chunk.length) throw duplicate('account.username-taken', 'Có tên đăng nhập vừa được người khác dùng. Hãy chạy lại.');
  }
}

export async function bulkOnboard(db: Db, actor: Actor, commune: Unit, input: { kind: BulkKind; cellIds: string[] }) {
  const role = roleOf[input.kind];
  return db.transaction(async (tx) => {
    const cells = await chosenCells(tx, commune, input.cellIds);
    for (const cell of cells) if (!canGrantRole(actor, role, toRef(cell))) throw forbidden('tạo tài khoản cho chi bộ này');
    const people = await candidates(tx, commune, input.kind, cells);

    // Existing accounts of these people, by person or by member record.
    const personIds = [...new Set(people.map((p) => p.personId).filter((id): id is string => id !== null))];
    const memberIds = [...new Set(people.map((p) => p.memberId).filter((id): id is string => id !== null))];
    const existing = personIds.length || memberIds.length
      ? await tx
          .select({ id: users.id, username: users.username, personId: users.personId, memberId: users.memberId })
          .from(users)
          .where(and(eq(users.tenantId, commune.id), or(personIds.length ? inArray(users.personId, personIds) : undefined, memberIds.length ? inArray(users.memberId, memberIds) : undefined)))
      : [];
    const byPerson = new Map(existing.filter((u) => u.personId).map((u) => [u.personId!, u]));
    const byMember = new Map(existing.filter((u) => u.memberId).map((u) => [u.memberId!, u]));
    const accountOf = (p: Candidate) => (p.personId ? byPerson.get(p.personId) : undefined) ?? (p.memberId ? byMember.get(p.memberId) : undefined);

    // One account per person even when they lead two cells; new accounts get usernames from names.
    const seen = new Set<string>();
    const fresh: Candidate[] = [];
    for (const p of people) {
      const key = p.personId ?? p.memberId ?? `${p.fullName}|${p.cell.id}`;
      if (!accountOf(p) && !seen.has(key)) fresh.push(p);
      seen.add(key);
    }
    const bases = [...new Set(fresh.map((p) => usernameBase(p.fullName)))];
    const taken = bases.length
      ? await tx.select({ username: usernameTable.username }).from(usernameTable).where(inArray(sql`regexp_replace(${usernameTable.username}, '[0-9]+$', '')`, bases))
      : [];
    const usernames = assignUsernames(fresh.map((p) => p.fullName), taken.map((t) => t.username));
    const createdAt = now();
    const created: { id: string; username: string; displayName: string; personId: string | null; memberId: string | null }[] = fresh.map((p, i) => ({ id: crypto.randomUUID(), username: usernames[i]!, displayName: p.fullName, personId: p.personId, memberId: p.memberId }));
    // Every account claims its username in the lookup table in the same transaction (decision 017).
    await claimUsernames(tx, commune.id, created);
    await insertJsonRows(
      tx,
      users,
      created.map((u) => ({ ...u, tenantId: commune.id, passwordHash: null, mustChangePassword: true, createdAt, updatedAt: createdAt })),
    );
    for (const u of created) {
      if (u.personId) byPerson.set(u.personId, u);
      if (u.memberId) byMember.set(u.memberId, u);
    }
    const createdIds = new Set(created.map((u) => u.id));

    // The role on each person's cell, unless they hold it already.
    const accountIds = [...new Set(people.map((p) => accountOf(p)!.id))];
    const held = new Set<string>();
    for (let i = 0; i < accountIds.length; i += 1000) {
      const rows = await tx
        .select({ userId: roleGrants.userId, unitId: roleGrants.unitId })
        .from(roleGrants)
        .where(and(eq(roleGrants.tenantId, commune.id), eq(roleGrants.role, role), inArray(roleGrants.userId, accountIds.slice(i, i + 1000))));
      for (const r of rows) held.add(`${r.userId}|${r.unitId}`);
    }
    const newGrants: { userId: string; role: Role; unitId: string; tenantId: string }[] = [];
    for (const p of people) {
      const key = `${accountOf(p)!.id}|${p.cell.id}`;
      if (held.has(key)) continue;
      held.add(key);
      newGrants.push({ userId: accountOf(p)!.id, role, unitId: p.cell.id, tenantId: commune.id });
    }
    await insertJsonRows(tx, roleGrants, newGrants.map((g) => ({ id: crypto.randomUUID(), ...g })));

    // One code per account, one letter per account (its first cell).
    const letterOf = new Map<string, Candidate>();
    for (const p of people) if (!letterOf.has(accountOf(p)!.id)) letterOf.set(accountOf(p)!.id, p);
    const accounts = [...letterOf.keys()];
    const { codes, expiresAt } = await issueCodes(tx, accounts.map((userId) => ({ tenantId: commune.id, userId })), actor.userId);
    const usernameOf = new Map([...existing, ...created].map((u) => [u.id, u.username]));

    // A new account's entry names its grant; an existing account's new grant has an entry of its own.
    const grantsOf = new Map<string, { role: Role; unitId: string }[]>();
    for (const g of newGrants) grantsOf.set(g.userId, [...(grantsOf.get(g.userId) ?? []), { role: g.role, unitId: g.unitId }]);
    const audit: AuditEntry[] = [
      ...created.map((u) => ({ tenantId: commune.id, actorId: actor.userId, action: 'account.created', entity: 'user', entityId: u.id, after: { username: u.username, displayName: u.displayName, personId: u.personId, grants: grantsOf.get(u.id) ?? [], bulk: input.kind } })),
      ...newGrants.filter((g) => !createdIds.has(g.userId)).map((g) => ({ tenantId: commune.id, actorId: actor.userId, action: 'account.granted', entity: 'user', entityId: g.userId, after: { role: g.role, unitId: g.unitId } })),
      ...accounts.filter((id) => !createdIds.has(id)).map((id) => ({ tenantId: commune.id, actorId: actor.userId, action: 'account.code-issued', entity: 'user', entityId: id, after: { codeExpiresAt: expiresAt, bulk: input.kind } })),
    ];
    await recordAudit(tx, audit);

    const letters = accounts
      .map((id, i) => {
        const p = letterOf.get(id)!;
        return { fullName: p.fullName, cellName: p.cell.name, username: usernameOf.get(id)!, oneTimeCode: codes[i]!, created: createdIds.has(id), sortOrder: p.cell.sortOrder };
      })
      .sort((a, b) => a.sortOrder - b.sortOrder || a.cellName.localeCompare(b.cellName, 'vi') || compareVietnameseNames(a.fullName, b.fullName))
      .map(({ sortOrder: _s, ...letter }) => letter);
    // Cells chosen in which nobody qualified (no secretary given yet, no member): named, not silently skipped.
    const reached = new Set(people.map((p) => p.cell.id));
    const emptyCells = [...cells].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'vi')).filter((c) => !reached.has(c.id)).map((c) => c.name);
    return { created: created.length, refreshed: accounts.length - created.length, expiresAt: expiresAt.toISOString(), letters, emptyCells };
  });
}
