// /nghi-quyet/$resolutionId — one guiding document: its fields and core content, its files, the
// documents it relates to and the plans that implement it. The ward office edits it here (with
// conflict detection), attaches files and adds or removes links; everyone else reads.
// The page, loaded when first opened; the address and its checks are in ./resolution.tsx.
import { useEffect, useState } from 'react';
import { Badge, Button, Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { PageFallback, Success } from '../components/feedback';
import { AnchorLink } from '../components/links';
import { NoBreakNumbers } from '../components/NoBreakNumbers';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { Attachments } from '../features/resolutions/Attachments';
import { documentName, kindLabel } from '../features/resolutions/format';
import { Links } from '../features/resolutions/Links';
import { Plans } from '../features/resolutions/Plans';
import { justRegistered, resolutionKeys, resolutionQuery, updateResolution, type ResolutionPatch } from '../features/resolutions/queries';
import { ResolutionContent, ResolutionDetails } from '../features/resolutions/ResolutionDetails';
import { ResolutionForm } from '../features/resolutions/ResolutionForm';
import { QuizSection } from '../features/quiz/QuizSection';
import { vi } from '../i18n/vi';
import { resolutionRoute } from './resolution';

const t = vi.resolutions;

export default ResolutionPage;

function ResolutionPage() {
  const { resolutionId } = resolutionRoute.useParams();
  const queryClient = useQueryClient();
  const detail = useQuery(resolutionQuery(resolutionId));
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  // "Đã đăng ký …" once, right after registering.
  useEffect(() => {
    if (justRegistered.id !== resolutionId || !detail.data) return;
    justRegistered.id = null;
    setMessage(t.registered(documentName(detail.data.resolution)));
  }, [resolutionId, detail.data]);
  useEffect(() => {
    setEditing(false);
    setMessage(null);
  }, [resolutionId]);

  const back = (
    <AnchorLink to="/nghi-quyet" fz="sm">
      ‹ {t.back}
    </AnchorLink>
  );
  if (!detail.data) return <PageFallback query={detail} title={t.fallbackTitle} above={back} />;

  const { resolution, attachments, links, plans, abilities } = detail.data;
  return (
    <>
      <PageHeader
        title={<NoBreakNumbers>{documentName(resolution)}</NoBreakNumbers>}
        documentTitle={documentName(resolution)}
        above={back}
        below={<Badge color="blue">{kindLabel(resolution.kind)}</Badge>}
        actions={
          abilities.edit && !editing ? (
            <Button
              onClick={() => {
                setMessage(null);
                setEditing(true);
              }}
            >
              {t.edit}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="xl">
        <Success>{message}</Success>
        {editing ? (
          <Section id="resolution-edit" title={t.editTitle}>
            <ResolutionForm
              key={resolution.id}
              original={resolution}
              label={t.editTitle}
              submitLabel={vi.common.save}
              onSubmit={(patch) => updateResolution(resolution.id, patch as ResolutionPatch)}
              onDone={(saved) => {
                setEditing(false);
                // Saved or not (a conflict may have shown newer values), the page reads the server again.
                if (saved) queryClient.setQueryData(resolutionKeys.detail(resolution.id), { ...detail.data, resolution: saved });
                void queryClient.invalidateQueries({ queryKey: resolutionKeys.all });
                setMessage(saved ? t.saved : null);
              }}
            />
          </Section>
        ) : (
          <>
            <Section id="resolution-details" title={t.details}>
              <ResolutionDetails resolution={resolution} />
            </Section>
            <ResolutionContent content={resolution.content} />
          </>
        )}
        <QuizSection resolutionId={resolution.id} />
        <Attachments resolutionId={resolution.id} attachments={attachments} canEdit={abilities.edit} />
        <Links resolutionId={resolution.id} links={links} canEdit={abilities.edit} />
        <Plans plans={plans} />
      </Stack>
    </>
  );
}
