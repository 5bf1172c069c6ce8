// The names a commune's files give its cells and columns, mapped by the office: checked when sent,
// remembered when an import is committed, offered again on the next preview.
import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, forbidden } from '../../errors';
import { now } from '../../clock';
import { allColumns, mappingKey, type MemberColumn } from '../../../domain/member-import';
import type { Unit } from '../units/tables';
import { units } from '../units/tables';
import { toRef } from '../units/service';
import { canEditMember } from './policy';
import { memberImportMappings } from './tables';

/** The `mappings` field of an import: name in the file → cell id, header in the file → column. */
export const importMappingsSchema = z.object({
  cells: z.record(z.string().trim().min(1).max(300), z.uuid()).default({}),
  columns: z.record(z.string().trim().min(1).max(300), z.enum(allColumns as [MemberColumn, ...MemberColumn[]])).default({}),
});
export type ImportMappings = z.infer<typeof importMappingsSchema>;

export function parseMappings(field: string | undefined): ImportMappings {
  if (!field) return { cells: {}, columns: {} };
  let json: unknown;
  try {
    json = JSON.parse(field);
  } catch {
    throw badRequest('members-import.bad-mappings', 'Phần ghép tên chi bộ và tên cột gửi lên không hợp lệ.');
  }
  const parsed = importMappingsSchema.safeParse(json);
  if (!parsed.success || Object.keys(parsed.data.cells).length + Object.keys(parsed.data.columns).length > 1_000) {
    throw badRequest('members-import.bad-mappings', 'Phần ghép tên chi bộ và tên cột gửi lên không hợp lệ.');
  }
  return parsed.data;
}

/**
 * Refuses a mapping to a unit that is not a cell of the commune: 403 when it lies where the actor may
 * not import, 400 otherwise (another commune the actor also manages, not a cell, no such unit).
 */
export async function checkCellMappings(db: DbOrTx, actor: Actor, commune: Unit, cells: { id: string }[], mappings: ImportMappings) {
  const own = new Set(cells.map((c) => c.id));
  const outside = [...new Set(Object.values(mappings.cells))].filter((id) => !own.has(id));
  if (outside.length === 0) return;
  const found = new Map((await db.select().from(units).where(inArray(units.id, outside))).map((u) => [u.id, u]));
  for (const [name, id] of Object.entries(mappings.cells)) {
    if (own.has(id)) continue;
    const unit = found.get(id);
    if (unit && !canEditMember(actor, toRef(unit))) throw forbidden('nhập đảng viên vào đơn vị này');
    if (unit?.kind === 'cell' && unit.tenantId !== commune.id) {
      throw badRequest('members-import.mapping-other-commune', `Chi bộ được chọn cho "${name}" thuộc đảng bộ khác, không phải ${commune.name}.`);
    }
    throw badRequest('members-import.mapping-not-cell', `Đơn vị được chọn cho "${name}" không phải chi bộ của ${commune.name}.`);
  }
}

export interface Remembered {
  cells: Map<string, string>;
  columns: Map<string, MemberColumn>;
}

/** The commune's remembered mappings, keyed by folded name; stale cell targets are left to the caller. */
export async function loadRememberedMappings(db: DbOrTx, tenantId: string): Promise<Remembered> {
  const rows = await db.select().from(memberImportMappings).where(eq(memberImportMappings.tenantId, tenantId));
  const columnNames = new Set<string>(allColumns);
  return {
    cells: new Map(rows.filter((r) => r.kind === 'cell').map((r) => [r.sourceKey, r.target])),
    columns: new Map(rows.filter((r) => r.kind === 'column' && columnNames.has(r.target)).map((r) => [r.sourceKey, r.target as MemberColumn])),
  };
}

/** Stores the mappings an import used, one statement; the latest choice wins. */
export async function rememberMappings(db: DbOrTx, tenantId: string, mappings: ImportMappings) {
  const rows = [
    ...Object.entries(mappings.cells).map(([name, target]) => ({ kind: 'cell' as const, name, target })),
    ...Object.entries(mappings.columns).map(([name, target]) => ({ kind: 'column' as const, name, target })),
  ].map((m) => ({ tenantId, kind: m.kind, sourceKey: mappingKey(m.name), sourceName: m.name, target: m.target }));
  // "Tràng Đà 1" and "TRÀNG ĐÀ 1" are one name: one row each, or the upsert would touch a row twice.
  const unique = [...new Map(rows.map((r) => [`${r.kind} ${r.sourceKey}`, r])).values()];
  if (unique.length === 0) return;
  await db
    .insert(memberImportMappings)
    .values(unique)
    .onConflictDoUpdate({
      target: [memberImportMappings.tenantId, memberImportMappings.kind, memberImportMappings.sourceKey],
      set: { sourceName: sql`excluded.source_name`, target: sql`excluded.target`, updatedAt: now() },
    });
}

