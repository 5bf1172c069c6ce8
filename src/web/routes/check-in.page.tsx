import { Alert, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, errorMessage } from '../api';
import { Loading } from '../components/feedback';
import { PageHeader } from '../components/PageHeader';
import { s } from '../features/sessions/labels';
import { checkInRoute } from './check-in';

export default CheckInPage;

/**
 * One scan, one check-in: the answer is kept per code for the page's life, so a page mounted twice
 * (the sign-in gate, a remount) shows the first answer ("Điểm danh thành công") instead of sending
 * the code again and showing the second ("Đã điểm danh"). A reload asks again, and hears "already".
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
  return (
    <>
      <PageHeader title={s.checkInTitle} />
      <Stack>
        {checkIn.isPending && <Loading label={s.checkingIn} delay={0} />}
        {checkIn.isSuccess && (
          <Alert color="green" title={checkIn.data.outcome === 'already' ? 'Đã điểm danh' : 'Điểm danh thành công'} role="status">
            {checkIn.data.message}
          </Alert>
        )}
        {checkIn.isError && (
          <Alert color="red" title="Không điểm danh được" role="alert">
            {errorMessage(checkIn.error)}
          </Alert>
        )}
      </Stack>
    </>
  );
}
