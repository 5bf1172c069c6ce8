// Files attached to a guiding document (and, through the plans feature, to a plan).
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { notFound, unsupportedMedia } from '../../errors';
import { detectDocumentType, type FileStore } from '../../files/store';
import { recordAudit } from '../audit/service';
import { attachments } from './tables';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/**
 * What a stored file name never keeps, so it stays readable but harmless in headers and listings:
 * path and shell separators, controls, and the invisible direction and format marks (U+202E turns "hoadon\u202Excod.pdf" into "hoadonfdp.docx" on screen).
 */
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+/gu;

export function safeFileName(name: string, extension: string): string {
  const base = name.normalize('NFC').replace(/\.[^.]*$/u, '').replace(UNSAFE_IN_FILE_NAME, ' ').replace(/\s+/gu, ' ').trim().slice(0, 120) || 'tep';
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
