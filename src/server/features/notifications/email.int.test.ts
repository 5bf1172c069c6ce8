// Notification e-mail through a real SMTP server (smtp-server on 127.0.0.1, a random port), sent after
// the commit; none at all when SMTP_URL is unset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../../../../test/support/app';
import { findUnit } from '../../../../test/support/factories';
import { persons } from '../people/tables';
import { notify } from './service';
import { notifications } from './tables';

interface Received {
  to: string[];
  data: string;
}

let smtp: SMTPServer;
let port: number;
const received: Received[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

async function personWithEmail(t: TestApp, email: string | null) {
  const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
  const [p] = await t.database.db.insert(persons).values({ tenantId: commune.id, fullName: 'Trần Văn Nhận', email }).returning();
  return { commune, person: p! };
}

async function send(t: TestApp, tenantId: string, personIds: string[]) {
  const result = await t.database.db.transaction((tx) => notify(tx, { tenantId, personIds, kind: 'test.email', title: 'Giấy triệu tập hội nghị', body: 'Mời đồng chí dự hội nghị.', link: '/hoi-nghi/x' }));
  t.app.mailer.deliver(t.database.db, result.ids);
  await t.app.mailer.idle();
  return result;
}

describe('notification e-mail', () => {
  it('is sent after the commit to a person with an address when SMTP_URL is set', async () => {
    const t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'Văn phòng <vanphong@example.vn>' });
    try {
      const { commune, person } = await personWithEmail(t, 'nhan@example.vn');
      const { person: noAddress } = await personWithEmail(t, null);
      const before = received.length;
      const result = await send(t, commune.id, [person.id, noAddress.id]);
      expect(result.count).toBe(2);
      const mails = received.slice(before);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.to).toEqual(['nhan@example.vn']);
      expect(mails[0]!.data).toContain('Subject:');
      const rows = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'test.email'));
      expect(rows.map((r) => r.emailStatus).sort()).toEqual(['none', 'sent']);
    } finally {
      await t.close();
    }
  });

  it('keeps the notification and logs when the server refuses', async () => {
    const t = await startTestApp({ SMTP_URL: 'smtp://127.0.0.1:1' });
    try {
      const { commune, person } = await personWithEmail(t, 'nhan@example.vn');
      await send(t, commune.id, [person.id]);
      const [row] = await t.database.db.select().from(notifications).where(eq(notifications.personId, person.id));
      expect(row).toMatchObject({ title: 'Giấy triệu tập hội nghị', emailStatus: 'failed', readAt: null });
    } finally {
      await t.close();
    }
  });

  it('sends nothing when SMTP_URL is unset', async () => {
    const t = await startTestApp();
    try {
      expect(t.app.mailer.enabled).toBe(false);
      const { commune, person } = await personWithEmail(t, 'nhan@example.vn');
      const before = received.length;
      await send(t, commune.id, [person.id]);
      expect(received.length).toBe(before);
      const [row] = await t.database.db.select().from(notifications).where(eq(notifications.personId, person.id));
      expect(row!.emailStatus).toBe('none');
    } finally {
      await t.close();
    }
  });

  it('refuses a malformed SMTP_URL at start', async () => {
    const { loadEnv } = await import('../../env');
    expect(() => loadEnv({ SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/u);
  });
});
