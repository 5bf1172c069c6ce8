// What a page shows to a signed-in user whose role does not include it (the server refuses anyway).
import { Alert } from '@mantine/core';
import { vi } from '../i18n/vi';
import { PageHeader } from './PageHeader';

export function Forbidden() {
  return (
    <>
      <PageHeader title={vi.errors.forbiddenTitle} />
      <Alert color="red" role="alert">
        {vi.errors.forbidden}
      </Alert>
    </>
  );
}
