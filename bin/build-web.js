#!/usr/bin/env node
// Builds the web app into dist/web. With --if-stale it does nothing when the build is newer than
// every source file, so that `npm start` on a machine that already built starts in seconds.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const output = join(root, 'dist/web/index.html');
const sources = ['src/web', 'src/domain', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) => join(root, p));

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

if (process.argv.includes('--if-stale') && existsSync(output) && statSync(output).mtimeMs >= Math.max(...sources.map(newest))) {
  console.log('Giao diện web đã được build, bỏ qua bước build.');
  process.exit(0);
}
console.log('Đang build giao diện web…');
const { build } = await import('vite');
await build({ root, logLevel: 'warn', configFile: join(root, 'vite.config.ts') });
console.log('Đã build giao diện web vào dist/web.');
