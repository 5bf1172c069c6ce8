// Once per e2e run: build the web app into dist/web, start the real server on a fresh data folder
// with the demo ward, and hand its address to the stories. Everything is stopped and removed after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { repo, startServer } from './server-process';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The built web app the demo server serves: a story that starts a server of its own serves it too. */
    webDir: string;
  }
}

export default async function setup(project: TestProject) {
  // A private build folder per run: concurrent runs, and a server started from dist/web, never
  // see a half-written build. QT_E2E_SKIP_BUILD=1 reuses dist/web as it is.
  const skipBuild = process.env.QT_E2E_SKIP_BUILD === '1';
  const webDir = skipBuild ? join(repo, 'dist/web') : mkdtempSync(join(tmpdir(), 'qt-e2e-web-'));
  if (!skipBuild) {
    const { build } = await import('vite');
    await build({ root: repo, configFile: join(repo, 'vite.config.ts'), logLevel: 'warn', build: { outDir: webDir, emptyOutDir: true } });
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'qt-e2e-'));
  const removeFolders = () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (!skipBuild) rmSync(webDir, { recursive: true, force: true });
  };
  let server;
  try {
    // Every story signs in; the per-IP limit protects production, not this test run.
    server = await startServer({ dataDir, webDir, args: ['--seed-demo'], env: { QT_LOGIN_RATE_LIMIT: '10000', QT_UPLOAD_RATE_LIMIT: '10000', QT_CHECK_IN_RATE_LIMIT: '10000' } });
  } catch (error) {
    removeFolders();
    throw error;
  }
  project.provide('baseUrl', server.baseUrl);
  project.provide('webDir', webDir);
  return async () => {
    await server.stop();
    removeFolders();
  };
}
