import { describe, expect, it } from 'vitest';
import { checkInStep, checkInTokenRotatesAt, isReplay, issueCheckInToken, verifyCheckInToken } from './check-in-token';

const secret = 'test-secret-for-check-in';
const session = '0b6a3c1e-7d0e-4a53-9d55-1f6f4e2b8a10';
const other = '5e1f0c9a-1111-4a53-9d55-1f6f4e2b8a10';
const at = new Date('2026-05-20T01:00:05Z');

describe('rotating check-in tokens', () => {
  it('accepts the current code and the one that just rotated', () => {
    const token = issueCheckInToken(secret, session, at);
    expect(verifyCheckInToken(secret, token, session, at)).toMatchObject({ ok: true });
    expect(verifyCheckInToken(secret, token, session, new Date(at.getTime() + 30_000))).toMatchObject({ ok: true });
  });

  it('rotates every 30 seconds', () => {
    expect(checkInTokenRotatesAt(at).toISOString()).toBe('2026-05-20T01:00:30.000Z');
    expect(issueCheckInToken(secret, session, at)).not.toBe(issueCheckInToken(secret, session, new Date('2026-05-20T01:00:31Z')));
  });

  it('refuses an expired code', () => {
    const token = issueCheckInToken(secret, session, at);
    expect(verifyCheckInToken(secret, token, session, new Date(at.getTime() + 61_000))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses another session’s code, a forged one, a malformed one and one from the future', () => {
    expect(verifyCheckInToken(secret, issueCheckInToken(secret, other, at), session, at)).toEqual({ ok: false, reason: 'other-session' });
    expect(verifyCheckInToken('another-secret', issueCheckInToken(secret, session, at), session, at)).toEqual({
      ok: false,
      reason: 'forged',
    });
    const [id, step, sig] = issueCheckInToken(secret, session, at).split('.');
    expect(verifyCheckInToken(secret, `${other}.${step}.${sig}`, other, at)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyCheckInToken(secret, `${id}.${step}`, session, at)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyCheckInToken(secret, 'x'.repeat(2000), session, at)).toEqual({ ok: false, reason: 'malformed' });
    const later = issueCheckInToken(secret, session, new Date(at.getTime() + 120_000));
    expect(verifyCheckInToken(secret, later, session, at)).toEqual({ ok: false, reason: 'not-yet-valid' });
  });

  it('a code scanned again by the person it checked in is a replay; a newer code, or no QR check-in, is not', () => {
    const step = checkInStep(at);
    expect(isReplay(step, at)).toBe(true); // the same code (a step names one code)
    expect(isReplay(step - 1, at)).toBe(true); // the code before it, still accepted, already outrun by the check-in
    expect(isReplay(step + 1, at)).toBe(false); // the next code on the screen: "already", not refused
    expect(isReplay(step, null)).toBe(false); // marked present by hand: "already"
  });
});
