// "Show progress for anything slower than a second": hooks that report a piece of work (an upload,
// a PDF being made, a save) as slow only once it has taken more than a second, to avoid flicker.
// Shorter waits show only the button's own spinner. <Working> draws the progress.
import { useEffect, useRef, useState } from 'react';
import type { UploadProgress } from '../api';

const SLOW_AFTER_MS = 1000;

/** True once `active` has stayed true for more than `delay` ms. */
export function useSlow(active: boolean, delay = SLOW_AFTER_MS): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!active) {
      setSlow(false);
      return;
    }
    const timer = setTimeout(() => setSlow(true), delay);
    return () => clearTimeout(timer);
  }, [active, delay]);
  return slow && active;
}

/**
 * Tracks an upload: `track(work)` runs it with an `onProgress` callback; `slow` turns true after
 * `delay` ms, and `percent` is the share sent (null once the file is sent and the server works).
 */
export function useSlowProgress(delay = SLOW_AFTER_MS) {
  const [slow, setSlow] = useState(false);
  const [percent, setPercent] = useState<number | null>(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const track = async <T>(work: (onProgress: (p: UploadProgress) => void) => Promise<T>): Promise<T> => {
    clearTimeout(timer.current);
    setSlow(false);
    setPercent(0);
    timer.current = setTimeout(() => setSlow(true), delay);
    try {
      return await work((p) => setPercent(p.percent));
    } finally {
      clearTimeout(timer.current);
      setSlow(false);
    }
  };
  return { slow, percent, track };
}
