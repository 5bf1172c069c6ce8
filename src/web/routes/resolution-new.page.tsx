// /nghi-quyet/dang-ky — the ward office registers a guiding document; it then opens on its own
// page, where files are attached and links added.
// The page, loaded when first opened; the address and its checks are in ./resolution-new.tsx.
import { Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { requireAbility } from '../components/Forbidden';
import { AnchorLink } from '../components/links';
import { PageHeader } from '../components/PageHeader';
import { createResolution, justRegistered, resolutionKeys, resolutionQuery, type ResolutionInput } from '../features/resolutions/queries';
import { ResolutionForm } from '../features/resolutions/ResolutionForm';
import { vi } from '../i18n/vi';

const t = vi.resolutions;

export default requireAbility('manageResolutions', RegisterPage);

function RegisterPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeader
        title={t.registerTitle}
        above={
          <AnchorLink to="/nghi-quyet" fz="sm">
            ‹ {t.back}
          </AnchorLink>
        }
        below={<Text c="dimmed">{t.registerIntro}</Text>}
      />
      <ResolutionForm
        label={t.registerTitle}
        submitLabel={t.register}
        onSubmit={(input) => createResolution(input as ResolutionInput)}
        onDone={(saved) => {
          void queryClient.invalidateQueries({ queryKey: resolutionKeys.all });
          if (!saved) return void navigate({ to: '/nghi-quyet' });
          queryClient.removeQueries({ queryKey: resolutionQuery(saved.id).queryKey });
          justRegistered.id = saved.id;
          void navigate({ to: '/nghi-quyet/$resolutionId', params: { resolutionId: saved.id } });
        }}
      />
    </>
  );
}
