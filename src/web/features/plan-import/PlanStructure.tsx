// What the importer read from the text: resolutions, outline, conferences, tasks with their
// deadlines, recipients and signature. Lines are links back into the text when `onJump` is given.
import type { ReactNode } from 'react';
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { ResponsiveList } from '../../components/ResponsiveList';
import type { ImportedPlan, PlanSection } from '../../../domain/plan-import';
import { vi } from '../../i18n/vi';
import { Facts } from '../../components/Facts';
import { formatDate } from '../../format';
import { dueMeaning } from '../plans/format';

const t = vi.planImport;

interface Props {
  plan: ImportedPlan | null;
  onJump?: (line: number) => void;
  headingId?: string;
  /** The level of the panel's heading; its parts are one level below. */
  level?: 2 | 3;
}

type Sub = 3 | 4;

export function PlanStructure({ plan, onJump, headingId = 'plan-structure', level = 2 }: Props) {
  const sub = (level + 1) as Sub;
  return (
    <Stack gap="md" component="section" aria-labelledby={headingId}>
      <Title order={level} id={headingId}>
        {t.structureTitle}
      </Title>
      {!plan ? (
        <Text c="dimmed">{t.empty}</Text>
      ) : (
        <>
          <Part order={sub} title={t.planTitle}>{plan.title ? <Text fw={600}>{plan.title}</Text> : <Text c="dimmed">{t.noTitle}</Text>}</Part>
          <Resolutions plan={plan} order={sub} />
          {plan.sections.length > 0 && (
            <Part order={sub} title={t.outline}>
              <Outline sections={plan.sections} onJump={onJump} />
            </Part>
          )}
          <Conferences plan={plan} order={sub} />
          <Tasks plan={plan} onJump={onJump} order={sub} />
          {plan.selfAssessment && (
            <Part order={sub} title={t.selfAssessment}>
              <Text>{t.selfAssessmentText(plan.selfAssessment.regulation, plan.selfAssessment.criteriaGroups)}</Text>
            </Part>
          )}
          <Part order={sub} title={t.recipients}>
            {plan.recipients.length === 0 ? (
              <Text c="dimmed">{t.noRecipients}</Text>
            ) : (
              <Stack component="ul" gap={2} m={0} pl="lg">
                {plan.recipients.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </Stack>
            )}
          </Part>
          <Part order={sub} title={t.signature}>
            {plan.signature ? (
              <Stack gap={0}>
                <Text fw={700}>{plan.signature.onBehalfOf}</Text>
                {plan.signature.signingFor && <Text fw={700}>{plan.signature.signingFor}</Text>}
                <Text>{plan.signature.position}</Text>
                <Text fw={700}>{plan.signature.name || vi.common.none}</Text>
              </Stack>
            ) : (
              <Text c="dimmed">{t.noSignature}</Text>
            )}
          </Part>
        </>
      )}
    </Stack>
  );
}

function Part({ title, children, order }: { title: string; children: ReactNode; order: Sub }) {
  return (
    <Stack gap={6}>
      <Title order={order} fz="lg">
        {title}
      </Title>
      {children}
    </Stack>
  );
}


function Resolutions({ plan, order }: { plan: ImportedPlan; order: Sub }) {
  return (
    <Part order={order} title={t.resolutions}>
      {plan.resolutions.length === 0 ? (
        <Text c="dimmed">{t.noResolutions}</Text>
      ) : (
        plan.resolutions.map((r) => (
          <Paper key={r.number} withBorder p="sm" radius="md">
            <Facts
              size="sm"
              rows={[
                [t.resolutionNumber, <strong key="n">{r.number}</strong>],
                [t.resolutionDate, formatDate(r.issuedOn)],
                [t.resolutionIssuer, r.issuer ?? vi.common.none],
                [t.resolutionSubject, r.subject ?? vi.common.none],
              ]}
            />
            {r.mentions.length > 1 && (
              <Text fz="sm" c="dimmed" mt={4}>
                {t.mentions(r.mentions.length)}
              </Text>
            )}
          </Paper>
        ))
      )}
    </Part>
  );
}

function LineLink({ line, onJump }: { line: number; onJump?: (line: number) => void }) {
  if (!onJump) return null;
  return (
    <Anchor component="button" type="button" fz="sm" onClick={() => onJump(line)} aria-label={t.goToLine(line)} style={{ whiteSpace: 'nowrap' }}>
      {t.line} {line}
    </Anchor>
  );
}

function Outline({ sections, onJump }: { sections: PlanSection[]; onJump?: (line: number) => void }) {
  return (
    <Stack component="ol" gap={2} m={0} pl={0} style={{ listStyle: 'none' }}>
      {sections.map((s) => (
        <li key={`${s.number}-${s.line}`}>
          <Text span fw={600}>
            {s.number}. {s.title}
          </Text>{' '}
          <LineLink line={s.line} onJump={onJump} />
          {s.children && s.children.length > 0 && (
            <Stack component="ol" gap={0} m={0} pl="md" style={{ listStyle: 'none' }}>
              {s.children.map((c) => (
                <li key={`${c.number}-${c.line}`}>
                  <Text span fz="sm">
                    {c.number}. {c.title}
                  </Text>
                </li>
              ))}
            </Stack>
          )}
        </li>
      ))}
    </Stack>
  );
}

function Conferences({ plan, order }: { plan: ImportedPlan; order: Sub }) {
  return (
    <Part order={order} title={t.conferences}>
      {plan.conferences.length === 0 ? (
        <Text c="dimmed">{t.noConferences}</Text>
      ) : (
        plan.conferences.map((c, i) => (
          <Paper key={i} withBorder p="sm" radius="md">
            <Text fw={700} mb={4}>
              {t.level[c.level] ?? c.level}
            </Text>
            <Facts
              size="sm"
              rows={[
                [t.when, c.when ? `${c.when.phrase} (${dueMeaning(c.when)})` : vi.common.none],
                [t.venue, c.venue],
                [t.participants, c.participants],
                [t.audience, c.audience],
                [t.reporter, c.reporter],
              ]}
            />
          </Paper>
        ))
      )}
    </Part>
  );
}

function Tasks({ plan, onJump, order }: { plan: ImportedPlan; onJump?: (line: number) => void; order: Sub }) {
  return (
    <Part order={order} title={t.tasksCount(plan.tasks.length)}>
      {plan.tasks.length === 0 ? (
        <Text c="dimmed">{t.noTasks}</Text>
      ) : (
        // A table where there is room; on a phone one card per task, not three squeezed columns.
        <ResponsiveList
          items={plan.tasks.map((task, i) => ({ ...task, id: `${task.line}-${i}` }))}
          label={t.tasks}
          minWidth={330}
          columns={[
            { header: t.taskUnit, cell: (task) => <Text fw={600} fz="sm">{task.assignee}</Text> },
            {
              header: t.taskText,
              cell: (task) => (
                <>
                  <Text fz="sm">{task.text}</Text>
                  <LineLink line={task.line} onJump={onJump} />
                </>
              ),
            },
            { header: t.taskDue, cell: (task) => <Due due={task.due} /> },
          ]}
          card={(task) => (
            <Stack gap={4}>
              <Text fw={700}>{task.assignee}</Text>
              <Text>{task.text}</Text>
              <div>
                <Text span fz="sm" c="dimmed">
                  {t.taskDue}:{' '}
                </Text>
                <Due due={task.due} />
              </div>
              <LineLink line={task.line} onJump={onJump} />
            </Stack>
          )}
        />
      )}
    </Part>
  );
}

function Due({ due }: { due: ImportedPlan['tasks'][number]['due'] }) {
  if (!due)
    return (
      <Text fz="sm" c="dimmed">
        {t.noDue}
      </Text>
    );
  return (
    <>
      <Text fz="sm">{due.phrase}</Text>
      <Text fz="sm" fw={700} style={{ overflowWrap: 'normal' }}>
        {dueMeaning(due)}
      </Text>
    </>
  );
}
