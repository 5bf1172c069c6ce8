// One action on the conference: runs it, stores the conference it answers, reports progress and errors.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useSlow } from '../../components/progress';
import type { Conference } from './queries';

export function useConferenceAction(conferenceId: string) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const slow = useSlow(busy !== null);
  const run = async <T,>(name: string, action: () => Promise<T>, after?: (result: T) => { conference?: Conference; message?: string }) => {
    setBusy(name);
    setFailure(null);
    setDone(null);
    try {
      const result = await action();
      const { conference, message } = after ? after(result) : { conference: result as unknown as Conference, message: undefined };
      if (conference) queryClient.setQueryData(['conferences', conferenceId], conference);
      await queryClient.invalidateQueries({ queryKey: ['conferences', conferenceId] });
      setDone(message ?? null);
      return true;
    } catch (error) {
      setFailure(error);
      return false;
    } finally {
      setBusy(null);
    }
  };
  return { busy, slow, failure, done, run };
}
