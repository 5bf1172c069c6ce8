// PDF = the DOCX converted by LibreOffice, so the PDF is exactly what Word users see. One converter
// keeps one office warm (pdf-office.ts) and feeds it one document at a time from a bounded queue;
// where LibreOffice's Python bridge (python3-uno) is missing it falls back to one `soffice
// --convert-to pdf` per document against a kept profile: slower (~1.2 s) but correct.
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../errors';
import { findOfficeBinary, findSoffice, findUnoPython, officeArgs, startWarmOffice, type WarmOffice } from './pdf-office';

export const pdfUnavailable = () =>
  new AppError(
    503,
    'documents.pdf-unavailable',
    'Máy chủ chưa cài LibreOffice nên chưa tạo được PDF. Cài LibreOffice: apt-get install -y libreoffice-writer-nogui ' +
      '(hoặc đặt đường dẫn tới soffice). Trong lúc chờ, hãy tải bản DOCX hoặc in bản xem trước ra khổ A4 từ trình duyệt.',
  );
export const pdfBusy = () =>
  new AppError(503, 'documents.pdf-busy', 'Máy chủ đang tạo nhiều PDF cùng lúc, vui lòng thử lại sau ít phút.');
export const pdfTimeout = (seconds: number) =>
  new AppError(504, 'documents.pdf-timeout', `Tạo PDF quá ${seconds} giây nên đã dừng, vui lòng thử lại.`);
export const pdfFailed = (reason: string) =>
  new AppError(500, 'documents.pdf-failed', 'LibreOffice không chuyển được văn bản sang PDF.', { reason });
export const pdfClosed = () =>
  new AppError(503, 'documents.pdf-closed', 'Bộ chuyển PDF đã đóng (máy chủ đang dừng).');

export interface PdfConverterOptions {
  /** The soffice launcher; found on PATH and in the usual places when absent. */
  sofficePath?: string;
  /** A Python with LibreOffice's `uno` module; found when absent. */
  pythonPath?: string;
  /** Conversions waiting behind the running one; more are refused with `documents.pdf-busy`. */
  maxQueue?: number;
  /** One conversion's time limit; the office is killed and restarted past it. */
  timeoutMs?: number;
  /** Time limit for starting the office (the first start also creates its profile). */
  startTimeoutMs?: number;
  /** 'auto' (warm when possible), or force the per-document fallback. */
  mode?: 'auto' | 'per-document';
}

export interface PdfConverter {
  /** Whether LibreOffice is installed, so PDF can be offered at all. */
  available(): Promise<boolean>;
  convert(docx: Buffer): Promise<Buffer>;
  /** Stops the office and refuses further work; Node can exit afterwards. */
  close(): Promise<void>;
  /** 'warm', 'per-document', or null before the first conversion / without LibreOffice. */
  mode(): 'warm' | 'per-document' | null;
}

interface Job {
  docx: Buffer;
  resolve: (pdf: Buffer) => void;
  reject: (error: unknown) => void;
}

type Engine = { kind: 'warm' | 'per-document'; run: (input: string, output: string) => Promise<void> };

export function createPdfConverter(options: PdfConverterOptions = {}): PdfConverter {
  const maxQueue = options.maxQueue ?? 16;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const soffice = findSoffice(options.sofficePath);
  let workDir: Promise<string> | null = null;
  let engine: Promise<Engine> | null = null;
  let engineKind: Engine['kind'] | null = null;
  let office: WarmOffice | null = null;
  let closed = false;
  let jobCount = 0;
  // The queue: a list and one pump. Serialising is the point (one office, one document at a time),
  // and the bound keeps a burst from piling up minutes of waiting requests.
  const queue: Job[] = [];
  let pumping: Promise<void> | null = null;

  let workDirPath: string | null = null;

  // Node ends a process without waiting for children; this kills a warm office on the way out and
  // removes its profile and files, for a process that never called close().
  const onProcessExit = () => {
    office?.kill();
    if (workDirPath) rmSync(workDirPath, { recursive: true, force: true });
  };

  const getWorkDir = () =>
    (workDir ??= mkdtemp(join(tmpdir(), 'quantriet-pdf-')).then((dir) => (workDirPath = dir)));

  async function pickEngine(): Promise<Engine> {
    const path = await soffice;
    if (!path) throw pdfUnavailable();
    const dir = await getWorkDir();
    const profileDir = join(dir, 'profile');
    await mkdir(profileDir, { recursive: true });
    const bin = options.mode === 'per-document' ? null : await findOfficeBinary(path);
    const python = bin ? await findUnoPython(path, options.pythonPath) : null;
    if (bin && python) {
      process.on('exit', onProcessExit);
      return {
        kind: 'warm',
        run: async (input, output) => {
          if (!office) {
            office = await withTimeout(
              startWarmOffice({
                officeBinary: bin,
                python,
                profileDir,
                startTimeoutMs,
                onExit: () => (office = null),
              }),
              startTimeoutMs + 5000,
              () => undefined,
            );
          }
          const current = office;
          await withTimeout(current.convert(input, output), timeoutMs, () => {
            current.kill();
            if (office === current) office = null; // the next conversion starts a fresh office
          });
        },
      };
    }
    return {
      kind: 'per-document',
      run: (input, output) =>
        new Promise((resolve, reject) => {
          const args = officeArgs(profileDir, ['--convert-to', 'pdf', '--outdir', join(output, '..'), input]);
          execFile(path, args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, _out, stderr) => {
            if (error?.killed) reject(pdfTimeout(Math.round(timeoutMs / 1000)));
            else if (error) reject(pdfFailed(String(stderr || error.message)));
            else resolve();
          });
        }),
    };
  }

  async function convertOne(docx: Buffer): Promise<Buffer> {
    engine ??= pickEngine();
    let current: Engine;
    try {
      current = await engine;
    } catch (error) {
      engine = null; // LibreOffice may be installed later; look again next time
      throw error;
    }
    engineKind = current.kind;
    const dir = await getWorkDir();
    const base = join(dir, `job-${++jobCount}`);
    const [input, output] = [`${base}.docx`, `${base}.pdf`];
    await writeFile(input, docx);
    try {
      await current.run(input, output);
      return await readFile(output);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw pdfFailed(error instanceof Error ? error.message : String(error));
    } finally {
      await Promise.all([rm(input, { force: true }), rm(output, { force: true })]);
    }
  }

  async function drain(): Promise<void> {
    for (let job = queue.shift(); job; job = queue.shift()) {
      try {
        job.resolve(await convertOne(job.docx));
      } catch (error) {
        job.reject(error);
      }
    }
  }

  function pump(): void {
    if (pumping) return;
    pumping = drain().finally(() => {
      pumping = null;
      if (queue.length > 0) pump(); // a job that came in while the loop was finishing
    });
  }

  return {
    async available() {
      return !closed && (await soffice) !== null;
    },
    convert(docx) {
      if (closed) return Promise.reject(pdfClosed());
      if (queue.length >= maxQueue) return Promise.reject(pdfBusy());
      return new Promise<Buffer>((resolve, reject) => {
        queue.push({ docx, resolve, reject });
        pump();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const job of queue.splice(0)) job.reject(pdfClosed());
      // The running conversion finishes (within its time limit) before the office stops.
      await pumping;
      process.removeListener('exit', onProcessExit);
      const current = office;
      office = null;
      await current?.stop(3000);
      if (workDir) await rm(await workDir, { recursive: true, force: true });
    },
    mode: () => engineKind,
  };
}

/** Waits for `work` at most `ms`; past that, runs `onTimeout` and fails with `documents.pdf-timeout`. */
function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // A referenced timer: it is what keeps Node alive while the (unreferenced) office works.
    const timer = setTimeout(() => {
      onTimeout();
      reject(pdfTimeout(Math.round(ms / 1000)));
    }, ms);
    work.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}
