// npm run bench: every performance target of the issues, each printed with its target.
// A benchmark is not a test: nothing here fails the build; it measures and reports.
import { existsSync } from 'node:fs';

const sections: [string, string][] = [
  ['Foundation (server)', './server.bench.ts'],
  ['Plan import and lint', './plan-import.bench.ts'],
  ['Documents', './documents.bench.ts'],
  ['Resolution registry', './resolutions.bench.ts'],
  ['People and membership', './people.bench.ts'],
  ['Organisation', './units.bench.ts'],
  ['Study sessions and check-in', './sessions.bench.ts'],
  ['Tasks and deadlines', './tasks.bench.ts'],
  ['Accounts', './accounts.bench.ts'],
  ['Durable commits on the embedded database', './durability.bench.ts'],
  ['Tasks: views', './task-views.bench.ts'],
  ['Reminders and escalation', './reminders.bench.ts'],
  ['Members\' own study and the yearly record', './records.bench.ts'],
  ['Reports: consolidation and the province roll-up', './province.bench.ts'],
  ['Public page of a resolution', './public-page.bench.ts'],
  ['Reports at the province\'s scale: generator, submission over HTTP, consolidated DOCX', './province-scale.bench.ts'],
  ['First load on a cheap phone', './first-load.bench.ts'],
  ['Offline sync', './offline-sync.bench.ts'],
  ['Load: the busiest day', './busiest-day.bench.ts'],
];

const only = process.argv.slice(2);
for (const [title, file] of sections) {
  if (only.length && !only.some((o) => file.includes(o))) continue;
  if (!existsSync(new URL(file, import.meta.url))) continue;
  console.log(`\n## ${title}`);
  const mod = (await import(file)) as { run: () => Promise<void> };
  await mod.run();
}
process.exit(0);
