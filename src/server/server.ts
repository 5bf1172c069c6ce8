// Starts the product: settings, database, optional demo seed, the app, listen, graceful shutdown.
import { loadEnv, type Env } from './env';
import { buildApp } from './app';
import { openMigratedDatabase } from './database';
import { DEMO_PASSWORD, demoAccounts, seedDemo } from './seed/demo';
import { SECOND_COMMUNE, seedSecondCommune } from './seed/second-commune';
import { refreshExemptFlags } from './features/people/membership-queries';
import { todayInVietnam } from '../domain/dates';
import { sql } from 'drizzle-orm';

/** Another program (often a second QuánTriệt) already listens on the port: said in one line, no stack. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Cổng ${port} đang được một chương trình khác sử dụng. Hãy dừng chương trình đó hoặc đặt PORT khác.`);
    this.name = 'PortInUseError';
  }
}

export async function startServer(options: { seedDemo: boolean; env?: Env }) {
  const env = options.env ?? loadEnv();
  const database = await openMigratedDatabase(env);
  // The demo: the ward Nông Tiến and, so that the province's pages compare communes, Minh Xuân, which
  // has reported to the province (decision 031).
  if (options.seedDemo && (await seedDemo(database.db))) {
    await seedSecondCommune(database.db);
    printDemoAccounts();
  }
  const app = await buildApp({ env, database, logger: true });
  // Exemptions end by the calendar: members.exempt follows today (people/membership-queries.ts).
  // PGlite runs no autovacuum, so nothing else gathers the planner's statistics: without them a
  // ward's tables look empty and joins pick nested loops over whole tables. PostgreSQL has its own.
  const analyse = async () => {
    if (database.kind === 'pglite') await database.db.execute(sql`ANALYZE`);
  };
  const refresh = () =>
    refreshExemptFlags(database.db, todayInVietnam())
      .then(analyse)
      .catch((error: unknown) => app.log.error(error));
  await refresh();
  const hourly = setInterval(() => void refresh(), 60 * 60 * 1000);
  hourly.unref();
  app.addHook('onClose', async () => clearInterval(hourly));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // Finish requests in flight, then close the database so that PGlite flushes to disk.
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  let address: string;
  try {
    address = await app.listen({ host: env.HOST, port: env.PORT });
  } catch (error) {
    await app.close();
    await database.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortInUseError(env.PORT);
    throw error;
  }
  console.log(`QuánTriệt đang chạy tại ${address.replace('127.0.0.1', '127.0.0.1')} (cơ sở dữ liệu: ${database.kind === 'pglite' ? env.QT_DATA_DIR : 'PostgreSQL'})`);
  return { app, database, address };
}

function printDemoAccounts() {
  console.log('\nĐã tạo phường mẫu Nông Tiến. Tài khoản dùng thử (mật khẩu: %s):', DEMO_PASSWORD);
  for (const a of demoAccounts) console.log(`  ${a.username.padEnd(12)} ${a.description}`);
  console.log(`  ${'minhxuan'.padEnd(12)} Văn phòng ${SECOND_COMMUNE} (đảng bộ thứ hai của tỉnh)`);
  console.log('');
}
