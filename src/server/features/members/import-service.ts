// Member import: a preview that lists every bad row with its reason, and a commit that writes all
// rows or none. The commit re-reads and re-validates the file: nothing from the preview is trusted.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { AppError, forbidden, badRequest } from '../../errors';
import { todayInVietnam } from '../../../domain/dates';
import { type ImportIssue, type MemberDraft, readHeader, validateMemberRows } from '../../../domain/member-import';
import { nextVersion } from '../../db/versioned';
import { recordAudit } from '../audit/service';
import { listCellsOfTenant, loadUnit, toRef } from '../units/service';
import { readMemberSheet } from './import-file';
import { canImportMembers } from './policy';
import { members } from './tables';

export interface ImportPreview {
  total: number;
  valid: number;
  toCreate: number;
  toUpdate: number;
  issues: ImportIssue[];
}

async function analyse(db: DbOrTx, actor: Actor, communeId: string, bytes: Buffer) {
  const commune = await loadUnit(db, communeId);
  if (commune.kind !== 'commune' || !canImportMembers(actor, toRef(commune))) throw forbidden('nhập danh sách đảng viên cho đơn vị này');
  const sheet = await readMemberSheet(bytes);
  const { columns, issues: headerIssues } = readHeader(sheet.header);
  if (headerIssues.length > 0) {
    return { commune, drafts: [] as MemberDraft[], existing: new Map<string, string>(), preview: { total: sheet.rows.length, valid: 0, toCreate: 0, toUpdate: 0, issues: headerIssues } };
  }
  const cells = await listCellsOfTenant(db, commune.id);
  const cards = sheet.rows
    .map((r) => String(r.values[columns.get('Số thẻ đảng viên') ?? -1] ?? '').replace(/\s+/gu, ''))
    .filter(Boolean);
  const owners = cards.length
    ? await db.select({ id: members.id, cardNumber: members.cardNumber, tenantId: members.tenantId }).from(members).where(inArray(members.cardNumber, cards))
    : [];
  const foreignCardNumbers = new Set(owners.filter((o) => o.tenantId !== commune.id).map((o) => o.cardNumber!));
  const existing = new Map(owners.filter((o) => o.tenantId === commune.id).map((o) => [o.cardNumber!, o.id]));
  const { drafts, issues } = validateMemberRows(sheet.rows, columns, { cells, foreignCardNumbers, today: todayInVietnam() });
  const toUpdate = drafts.filter((d) => d.cardNumber && existing.has(d.cardNumber)).length;
  return {
    commune,
    drafts,
    existing,
    preview: { total: sheet.rows.length, valid: drafts.length, toCreate: drafts.length - toUpdate, toUpdate, issues },
  };
}

export async function previewMemberImport(db: Db, actor: Actor, communeId: string, bytes: Buffer): Promise<ImportPreview> {
  return (await analyse(db, actor, communeId, bytes)).preview;
}

export async function commitMemberImport(db: Db, actor: Actor, communeId: string, bytes: Buffer): Promise<ImportPreview> {
  return db.transaction(async (tx) => {
    const { commune, drafts, existing, preview } = await analyse(tx, actor, communeId, bytes);
    if (preview.issues.length > 0) {
      throw new AppError(400, 'members-import.invalid-rows', `Tệp có ${preview.issues.length} lỗi; chưa nhập đảng viên nào. Hãy sửa các dòng lỗi rồi nhập lại.`, { preview });
    }
    if (drafts.length === 0) throw badRequest('members-import.no-rows', 'Tệp không có đảng viên nào để nhập.');
    const audit = [];
    const fields = (d: MemberDraft) => {
      const { row: _row, ...rest } = d;
      return rest;
    };
    const creates = drafts.filter((d) => !(d.cardNumber && existing.has(d.cardNumber)));
    for (let i = 0; i < creates.length; i += 500) {
      const inserted = await tx
        .insert(members)
        .values(creates.slice(i, i + 500).map((d) => ({ ...fields(d), tenantId: commune.id })))
        .returning();
      audit.push(...inserted.map((m) => ({ tenantId: commune.id, actorId: actor.userId, action: 'member.import-create', entity: 'member', entityId: m.id, after: m })));
    }
    for (const d of drafts.filter((x) => x.cardNumber && existing.has(x.cardNumber))) {
      const id = existing.get(d.cardNumber!)!;
      const [before] = await tx.select().from(members).where(eq(members.id, id));
      const [after] = await tx
        .update(members)
        .set({ ...fields(d), version: nextVersion(members), updatedAt: new Date() })
        .where(and(eq(members.id, id), eq(members.tenantId, commune.id)))
        .returning();
      audit.push({ tenantId: commune.id, actorId: actor.userId, action: 'member.import-update', entity: 'member', entityId: id, before, after });
    }
    await recordAudit(tx, audit);
    return preview;
  });
}
