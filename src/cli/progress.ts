// The progress line of long commands (backup, restore) on stderr: rewritten in place on a terminal,
// one line every few seconds otherwise (a log file), always a last line at the end.
import type { Progress } from '../server/backup/backup';

const words = { backup: 'Đang sao lưu', verify: 'Đang kiểm tra tệp', restore: 'Đang khôi phục' } as const;

export function describeProgress(p: Progress): string {
  if (p.phase === 'verify' && p.totalBytes) return `${words.verify}: ${Math.floor(((p.bytes ?? 0) * 100) / p.totalBytes)}%`;
  const n = (value: number) => value.toLocaleString('vi-VN');
  return `${words[p.phase]}: ${n(p.rows)} dòng${p.table ? ` (bảng ${p.table})` : ''}, ${n(p.files)} tệp`;
}

export function progressLine(stream: NodeJS.WriteStream = process.stderr) {
  const everyMs = stream.isTTY ? 200 : 5000;
  // The first line after the first interval: a short run prints only its result.
  let last = Date.now();
  let pending: Progress | null = null;
  let shown = false;
  return {
    update(p: Progress) {
      pending = p;
      const t = Date.now();
      if (t - last < everyMs) return;
      last = t;
      stream.write(stream.isTTY ? `\r\x1b[2K${describeProgress(p)}` : `${describeProgress(p)}\n`);
      shown = true;
    },
    done() {
      if (pending && shown) stream.write(stream.isTTY ? `\r\x1b[2K${describeProgress(pending)}\n` : `${describeProgress(pending)}\n`);
    },
  };
}
