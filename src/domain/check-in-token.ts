// The rotating QR code of a conference or study session: a signed token naming the session and the
// 30-second time step it was shown in. The organiser's screen shows a fresh one every step; a
// member's phone opens the link and the server verifies it here. The signature (HMAC-SHA256 over
// "session.step" with the server's secret) makes forging impossible; the step makes a photographed
// code useless a step later; "once per person" is the attendance row's business, not the token's.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const CHECK_IN_STEP_SECONDS = 30;
/** A code scanned just as it rotated still counts: the previous step is accepted too. */
const ACCEPTED_PAST_STEPS = 1;

export type CheckInRefusal = 'malformed' | 'forged' | 'other-session' | 'expired' | 'not-yet-valid' | 'replayed';

export function checkInStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / CHECK_IN_STEP_SECONDS);
}

function signature(secret: string, sessionId: string, step: number): string {
  return createHmac('sha256', secret).update(`check-in.${sessionId}.${step}`).digest('base64url').slice(0, 22);
}

/** The token shown at `now` for `sessionId`. */
export function issueCheckInToken(secret: string, sessionId: string, now: Date): string {
  const step = checkInStep(now);
  return `${sessionId}.${step.toString(36)}.${signature(secret, sessionId, step)}`;
}

/** When the token shown at `now` stops being shown, so the organiser's screen can rotate on time. */
export function checkInTokenRotatesAt(now: Date): Date {
  return new Date((checkInStep(now) + 1) * CHECK_IN_STEP_SECONDS * 1000);
}

export function verifyCheckInToken(
  secret: string,
  token: string,
  expectedSessionId: string,
  now: Date,
): { ok: true; step: number } | { ok: false; reason: CheckInRefusal } {
  const parts = token.split('.');
  if (parts.length !== 3 || !/^[0-9a-z]{1,12}$/.test(parts[1]!) || !/^[A-Za-z0-9_-]{22}$/.test(parts[2]!)) {
    return { ok: false, reason: 'malformed' };
  }
  const [sessionId, stepText, given] = parts as [string, string, string];
  const step = Number.parseInt(stepText, 36);
  const expected = Buffer.from(signature(secret, sessionId, step));
  if (!timingSafeEqual(expected, Buffer.from(given))) return { ok: false, reason: 'forged' };
  if (sessionId !== expectedSessionId) return { ok: false, reason: 'other-session' };
  const current = checkInStep(now);
  if (step > current) return { ok: false, reason: 'not-yet-valid' };
  if (current - step > ACCEPTED_PAST_STEPS) return { ok: false, reason: 'expired' };
  return { ok: true, step };
}

/** What a member reads when the scan is refused. */
export const checkInRefusalMessages: Record<CheckInRefusal, string> = {
  malformed: 'Mã điểm danh không đọc được. Vui lòng quét lại mã trên màn hình.',
  forged: 'Mã điểm danh không hợp lệ. Vui lòng quét mã trên màn hình của người tổ chức.',
  'other-session': 'Mã này thuộc một buổi sinh hoạt hoặc hội nghị khác. Vui lòng quét mã của buổi đồng chí đang dự.',
  expired: 'Mã điểm danh đã hết hạn (mã đổi sau mỗi 30 giây). Vui lòng quét lại mã đang hiển thị.',
  'not-yet-valid': 'Mã điểm danh chưa có hiệu lực. Vui lòng kiểm tra đồng hồ của điện thoại và quét lại.',
  // The person is present all the same: the check-in page says so kindly.
  replayed: 'Mã này đã được dùng để điểm danh; bạn đã có mặt.',
};

/**
 * A code scanned again by the person it already checked in (decision 027): refused as replayed when
 * they checked in by QR at this meeting in the code's own step or later (the code was shown no later
 * than their check-in: it is the one they used, or an older one). A newer code, or a person marked
 * present by hand, hears "already" instead.
 */
export function isReplay(tokenStep: number, checkedInAt: Date | null): boolean {
  return checkedInAt !== null && checkInStep(checkedInAt) >= tokenStep;
}
