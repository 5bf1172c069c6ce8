// One ward conference: details, thành phần and the list, the convocation, documents, the roll call.
// A person summoned sees their convocation only.
import { Badge, Grid, Stack, Text } from '@mantine/core';
import { Notice } from '../../components/feedback';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../format';
import { vi } from '../../i18n/vi';
import { AttendancePanel } from './AttendancePanel';
import { DetailsForm } from './DetailsForm';
import { Participants } from './Participants';
import type { Conference } from './queries';
import { ConferenceDocuments, SendConvocation } from './SendAndDocuments';

const t = vi.conferences;

export function ConferenceDetail({ conference }: { conference: Conference }) {
  const manage = conference.abilities.manage;
  return (
    <>
      <PageHeader
        title={conference.title}
        above={
          <AnchorLink to="/ke-hoach/$planId" params={{ planId: conference.planId }} fz="sm">
            ‹ {t.backToPlan}
          </AnchorLink>
        }
        below={
          <Stack gap={4}>
            <Badge size="lg" variant="light">{t.status[conference.status]}</Badge>
            {conference.numberText && <Text fz="sm">{conference.numberText}</Text>}
          </Stack>
        }
      />
      <Stack gap="xl">
        {!manage && (
          <Notice title={t.yourConvocation} color="blue">
            <Text>{conference.scheduledAt ? formatDateTime(conference.scheduledAt) : conference.windowPhrase}</Text>
            <Text>{conference.venue}</Text>
          </Notice>
        )}
        <Grid gap="lg">
          {manage && (
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Section framed id="conference-details" title={t.detailsTitle}>
                <DetailsForm key={conference.version} conference={conference} />
              </Section>
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 12, md: manage ? 6 : 12 }}>
            <Stack gap="lg">
              {conference.abilities.send && (
                <Section framed id="conference-send" title={t.sendTitle}>
                  <SendConvocation conference={conference} />
                </Section>
              )}
              <Section framed id="conference-documents" title={t.documentsTitle}>
                <ConferenceDocuments conference={conference} />
              </Section>
            </Stack>
          </Grid.Col>
        </Grid>
        {(manage || conference.participants.length > 0) && (
          <Section id="participant-groups" title={t.groupsTitle}>
            <Participants conference={conference} />
          </Section>
        )}
        {conference.abilities.attendance && (
          <Section id="conference-attendance" title={t.attendanceTitle}>
            <AttendancePanel conference={conference} />
          </Section>
        )}
      </Stack>
    </>
  );
}
