// Files attached to a guiding document (and, through the plans feature, to a plan).
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { notFound, unsupportedMedia } from '../../errors';
import { detectDocumentType, type FileStore } from '../../files/store';
import { recordAudit } from '../audit/service';
import { attachments } from './tables';
import { removeDiacritics } from '../../../domain/vietnamese-names';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Keeps the base name readable but harmless in headers and on disk listings. */
export function safeFileName(name: string, extension: string): string {
  const base = name.normalize('NFC').replace(/\.[^.]*$/u, '').replace(/[\\/:*?"<>|\u0000-\u001f]+/gu, ' ').trim().slice(0, 120) || 'tep';
  return `${base}.${extension}`;
}

export async function storeAttachment(
  db: Db,
  store: FileStore,
  actor: Actor,
  owner: { type: 'resolution' | 'plan'; id: string; tenantId: string },
  file: { bytes: Buffer; fileName: string },
) {
  const type = await detectDocumentType(file.bytes);
  if (!type) throw unsupportedMedia('attachment.unsupported-type', 'Chỉ nhận tệp PDF hoặc Word (.docx). Nội dung tệp này không phải PDF hay DOCX.');
  const sha256 = await store.save(file.bytes);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(attachments)
      .values({
        tenantId: owner.tenantId,
        ownerType: owner.type,
        ownerId: owner.id,
        sha256,
        fileName: safeFileName(file.fileName, type.extension),
        contentType: type.contentType,
        size: file.bytes.length,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, { tenantId: owner.tenantId, actorId: actor.userId, action: `${owner.type}.attach`, entity: owner.type, entityId: owner.id, after: row });
    return row!;
  });
}

export async function findAttachment(db: DbOrTx, owner: { type: string; id: string }, attachmentId: string) {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.ownerType, owner.type), eq(attachments.ownerId, owner.id)));
  if (!row) throw notFound('file');
  return row;
}

export function contentDisposition(fileName: string, inline = false): string {
  const ascii = removeDiacritics(fileName).replace(/[^\x20-\x7e]/gu, '').replace(/"/gu, '') || 'tep';
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
