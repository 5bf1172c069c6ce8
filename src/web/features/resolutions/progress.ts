// Tracks an upload and reports it only once it has taken more than a second (shorter waits only
// show the button's own spinner).
import { useEffect, useRef, useState } from 'react';
import type { UploadProgress } from '../../api';

export function useSlowProgress(after = 1000) {
  const [slow, setSlow] = useState(false);
  const [percent, setPercent] = useState<number | null>(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const track = async <T,>(work: (onProgress: (p: UploadProgress) => void) => Promise<T>): Promise<T> => {
    clearTimeout(timer.current);
    setSlow(false);
    setPercent(0);
    timer.current = setTimeout(() => setSlow(true), after);
    try {
      return await work((p) => setPercent(p.percent));
    } finally {
      clearTimeout(timer.current);
      setSlow(false);
    }
  };
  return { slow, percent, track };
}
