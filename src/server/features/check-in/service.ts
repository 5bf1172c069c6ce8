import QRCode from 'qrcode';
import type { Db } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { AppError, forbidden, notFound } from '../../errors';
import { canCheckIn } from './policy';
import { now } from '../../clock';
import { checkInRefusalMessages, checkInTokenRotatesAt, issueCheckInToken, verifyCheckInToken, type CheckInRefusal } from '../../../domain/check-in-token';
import { checkInSubject, checkInTarget, parseCheckInSubject } from './registry';

export const checkInRefused = (reason: CheckInRefusal) => new AppError(400, `check-in.${reason}`, checkInRefusalMessages[reason]);

/** The code the organiser's screen shows now: the token, its URL, the QR as SVG, and when it rotates. */
export async function currentCode(db: Db, actor: Actor, secret: string, kind: string, id: string, origin: string) {
  const target = checkInTarget(kind);
  if (!target) throw notFound('route');
  const { title } = await target.authoriseOrganiser(db, actor, id);
  const at = now();
  const token = issueCheckInToken(secret, checkInSubject(kind, id), at);
  const url = `${origin}/check-in/${token}`;
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { title, token, url, svg, rotatesAt: checkInTokenRotatesAt(at) };
}

/**
 * A member's phone opened /check-in/<token>: verify the code, then let the meeting mark them. When
 * the member checks in from a meeting's own page, `meeting` names it and a code of another is refused.
 */
export async function checkIn(db: Db, actor: Actor, secret: string, token: string, meeting?: { kind: string; id: string }) {
  if (!canCheckIn(actor)) throw forbidden('điểm danh (tài khoản này không gắn với một đảng viên)');
  const named = token.split('.')[0] ?? '';
  const subject = parseCheckInSubject(named);
  if (!subject) throw checkInRefused('malformed');
  const verdict = verifyCheckInToken(secret, token, meeting ? checkInSubject(meeting.kind, meeting.id) : named, now());
  if (!verdict.ok) throw checkInRefused(verdict.reason);
  const target = checkInTarget(subject.kind);
  if (!target) throw checkInRefused('forged');
  const result = await target.checkIn(db, actor, subject.id, verdict.step);
  const message = result.outcome === 'already' ? `Đồng chí đã điểm danh ${result.title} rồi.` : `Đã điểm danh: đồng chí có mặt tại ${result.title}.`;
  return { ...result, message };
}
