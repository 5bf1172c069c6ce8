import { Alert, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api, errorMessage } from '../api';
import { Loading } from '../components/feedback';
import { PageHeader } from '../components/PageHeader';
import { s } from '../features/sessions/labels';
import { checkInRoute } from './check-in';

export default CheckInPage;

/**
 * One scan, one check-in: the answer is kept per code for the page's life, so a page mounted twice
 * (the sign-in gate, a remount) shows the first answer ("Điểm danh thành công") instead of sending
 * the code again and showing the second. A reload asks again: the code is refused as replayed
 * (check-in.replayed), which is no failure for the member, still present: shown as done, with the reason.
 */
function CheckInPage() {
  const { token } = checkInRoute.useParams();
  const checkIn = useQuery({
    queryKey: ['check-in', token],
    queryFn: () => api<{ outcome: string; message: string }>('/api/check-in', { method: 'POST', body: { token } }),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const replayed = checkIn.error instanceof ApiError && checkIn.error.id === 'check-in.replayed';
  return (
    <>
      <PageHeader title={s.checkInTitle} />
      <Stack>
        {checkIn.isPending && <Loading label={s.checkingIn} delay={0} />}
        {checkIn.isSuccess && (
          <Alert color="green" title={checkIn.data.outcome === 'already' ? s.alreadyCheckedIn : s.checkedIn} role="status">
            {checkIn.data.message}
          </Alert>
        )}
        {replayed && (
          <Alert color="green" title={s.alreadyCheckedIn} role="status">
            {errorMessage(checkIn.error)}
          </Alert>
        )}
        {checkIn.isError && !replayed && (
          <Alert color="red" title={s.checkInRefused} role="alert">
            {errorMessage(checkIn.error)}
          </Alert>
        )}
      </Stack>
    </>
  );
}
