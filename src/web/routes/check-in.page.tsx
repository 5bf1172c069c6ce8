import { useEffect } from 'react';
import { Alert, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api, errorMessage } from '../api';
import { Loading } from '../components/feedback';
import { PageHeader } from '../components/PageHeader';
import { s } from '../features/sessions/labels';
import { checkInRoute } from './check-in';

export default CheckInPage;

function CheckInPage() {
  const { token } = checkInRoute.useParams();
  const checkIn = useMutation({ mutationFn: () => api<{ outcome: string; message: string }>('/api/check-in', { method: 'POST', body: { token } }) });
  const { mutate } = checkIn;
  useEffect(() => mutate(), [mutate, token]);
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
