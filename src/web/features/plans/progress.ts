// "Show progress for anything slower than a second": tracks a piece of work (an upload, a PDF being
// made) and reports it as slow only once it has taken more than a second, to avoid flicker.
import { useEffect, useRef, useState } from 'react';
import type { UploadProgress } from '../../api';

export function useSlowProgress() {
  const [slow, setSlow] = useState(false);
  const [percent, setPercent] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const track = async <T,>(work: (onProgress: (p: UploadProgress) => void) => Promise<T>): Promise<T> => {
    clearTimeout(timer.current);
    setSlow(false);
    setPercent(null);
    timer.current = setTimeout(() => setSlow(true), 1000);
    try {
      return await work((p) => setPercent(p.percent));
    } finally {
      clearTimeout(timer.current);
      setSlow(false);
    }
  };
  return { slow, percent, track };
}

/** True once `active` has stayed true for more than `delay` ms (default a second). */
export function useSlow(active: boolean, delay = 1000): boolean {
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
