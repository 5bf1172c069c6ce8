// The resolution page's link to its quiz: for a member, to take it (with their counted score); for the
// ward staff, to manage its bank and settings. Nothing when there is no quiz and the user cannot set one up.
import { Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ButtonLink } from '../../components/links';
import { Section } from '../../components/Section';
import { mark, overviewQuery } from './api';

export function QuizSection({ resolutionId }: { resolutionId: string }) {
  const overview = useQuery(overviewQuery(resolutionId));
  const o = overview.data;
  if (!o || (!o.settings && !o.canManage)) return null;
  return (
    <Section id="resolution-quiz" title="Bài kiểm tra">
      {o.settings ? (
        <Text mb="sm">
          {o.settings.questionCount} câu hỏi, {o.settings.timeLimitMinutes} phút, tối đa {o.settings.attemptsLimit} lần{o.settings.open ? '' : ' (đang đóng)'}.
          {o.mine?.counted != null ? ` Điểm của bạn: ${mark(o.mine.counted)}/10.` : ''}
        </Text>
      ) : (
        <Text mb="sm" c="dimmed">
          Chưa có bài kiểm tra cho văn bản này.
        </Text>
      )}
      <Group gap="sm">
        {o.settings && o.mine && (
          <ButtonLink to="/nghi-quyet/$resolutionId/kiem-tra" params={{ resolutionId }}>
            {o.canTake && o.mine.attemptsLeft > 0 ? 'Làm bài kiểm tra' : 'Xem kết quả kiểm tra'}
          </ButtonLink>
        )}
        {o.canManage && (
          <ButtonLink to="/nghi-quyet/$resolutionId/kiem-tra/quan-ly" params={{ resolutionId }} variant="light">
            Quản lý câu hỏi và kết quả
          </ButtonLink>
        )}
      </Group>
    </Section>
  );
}
