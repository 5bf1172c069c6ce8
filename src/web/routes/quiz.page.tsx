// The member's quiz on a phone: what the quiz is (questions, minutes, attempts, which one counts),
// their own attempts; then one question at a time, the timer and the progress kept in view, the answers
// kept in the browser until submitted (a reload keeps them), submitted by itself when the time is up;
// the result after submitting.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Badge, Button, Card, Checkbox, Group, Paper, Progress, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { ErrorAlert, Notice, PageFallback } from '../components/feedback';
import { AnchorLink, ButtonLink } from '../components/links';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { formatDateTime } from '../format';
import { countingLabel, kindLabel, mark, overviewQuery, quizKeys, type Attempt, type QuizOverview } from '../features/quiz/api';
import { quizRoute } from './quiz';

export default QuizPage;

const statusLabel = { 'in-progress': 'Đang làm', submitted: 'Đã nộp', expired: 'Hết giờ, không nộp' } as const;

function QuizPage() {
  const { resolutionId } = quizRoute.useParams();
  const overview = useQuery(overviewQuery(resolutionId));
  const [attemptId, setAttemptId] = useState<string | null>(null);
  const back = (
    <AnchorLink to="/nghi-quyet/$resolutionId" params={{ resolutionId }} fz="sm">
      ‹ Về văn bản
    </AnchorLink>
  );
  if (!overview.data) return <PageFallback query={overview} title="Bài kiểm tra" above={back} unavailable={{ title: 'Không xem được', message: 'Văn bản này không có hoặc bạn không được xem.' }} />;
  const o = overview.data;
  return (
    <>
      <PageHeader title={`Bài kiểm tra Nghị quyết số ${o.number}`} documentTitle="Bài kiểm tra" above={back} />
      {attemptId ? <AttemptView attemptId={attemptId} resolutionId={resolutionId} onClose={() => setAttemptId(null)} /> : <QuizHome overview={o} onOpen={setAttemptId} />}
    </>
  );
}

function QuizHome({ overview: o, onOpen }: { overview: QuizOverview; onOpen: (id: string) => void }) {
  const client = useQueryClient();
  const start = useMutation({
    mutationFn: () => api<Attempt>(`/api/resolutions/${o.resolutionId}/quiz/attempts`, { method: 'POST', body: { id: crypto.randomUUID() } }),
    onSuccess: async (attempt) => {
      client.setQueryData(quizKeys.attempt(attempt.id), attempt);
      await client.invalidateQueries({ queryKey: quizKeys.overview(o.resolutionId) });
      onOpen(attempt.id);
    },
  });
  const s = o.settings;
  return (
    <Stack gap="lg">
      {o.canManage && (
        <Group>
          <ButtonLink to="/nghi-quyet/$resolutionId/kiem-tra/quan-ly" params={{ resolutionId: o.resolutionId }} variant="light">
            Quản lý câu hỏi và kết quả
          </ButtonLink>
        </Group>
      )}
      {!s ? (
        <Notice title="Chưa có bài kiểm tra" color="blue">
          Nghị quyết này chưa có bài kiểm tra.
        </Notice>
      ) : (
        <Card withBorder padding="md">
          <Stack gap={6}>
            <Group gap="xs">
              <Badge color={s.open ? 'green' : 'gray'}>{s.open ? 'Đang mở' : 'Đã đóng'}</Badge>
            </Group>
            <Text>Mỗi lần làm bài: {s.questionCount} câu hỏi rút ngẫu nhiên, trong {s.timeLimitMinutes} phút.</Text>
            <Text>
              Được làm tối đa {s.attemptsLimit} lần; điểm được tính theo {countingLabel[s.counting]}.
            </Text>
            <Text fz="sm" c="dimmed">
              Câu nhiều đáp án chỉ được tính đúng khi chọn đủ và đúng tất cả các đáp án. Bài nộp sau khi hết giờ không được chấm.
            </Text>
          </Stack>
        </Card>
      )}
      {o.mine && (
        <Section id="my-attempts" title="Kết quả của tôi">
          <Stack gap="sm">
            {o.mine.counted !== null && (
              <Text fz="lg" fw={600}>
                Điểm được tính: {mark(o.mine.counted)}/10
              </Text>
            )}
            {o.mine.attempts.length === 0 && <Text c="dimmed">Bạn chưa làm bài lần nào.</Text>}
            <Stack gap="xs" component="ul" aria-label="Các lần làm bài" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {o.mine.attempts.map((a) => (
                <Card key={a.id} component="li" withBorder padding="sm">
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <Text fw={600}>Lần {a.number}</Text>
                    <Badge color={a.status === 'submitted' ? 'green' : a.status === 'expired' ? 'red' : 'blue'}>{statusLabel[a.status]}</Badge>
                  </Group>
                  <Text fz="sm">Bắt đầu {formatDateTime(a.startedAt)}</Text>
                  {a.score !== null && (
                    <Text fz="sm">
                      Đúng {a.correct}/{a.total} câu · {mark(a.score)}/10 điểm
                    </Text>
                  )}
                  {a.status !== 'expired' && (
                    <Button mt={6} size="sm" variant="light" onClick={() => onOpen(a.id)}>
                      {a.status === 'in-progress' ? 'Làm tiếp' : 'Xem kết quả'}
                    </Button>
                  )}
                </Card>
              ))}
            </Stack>
            {s && o.mine.openAttemptId === null && (
              <Text fz="sm">{o.mine.attemptsLeft > 0 ? `Bạn còn ${o.mine.attemptsLeft} lần làm bài.` : 'Bạn đã làm đủ số lần cho phép.'}</Text>
            )}
            {start.error && <ErrorAlert error={start.error} />}
            {o.canTake && o.mine.openAttemptId === null && o.mine.attemptsLeft > 0 && (
              <Button size="lg" onClick={() => start.mutate()} loading={start.isPending}>
                {o.mine.attempts.length === 0 ? 'Bắt đầu làm bài' : 'Làm bài lần mới'}
              </Button>
            )}
          </Stack>
        </Section>
      )}
      {!o.mine && s && (
        <Text c="dimmed">Chỉ đảng viên của đảng bộ làm bài kiểm tra.</Text>
      )}
    </Stack>
  );
}

const storageKey = (attemptId: string) => `quantriet.quiz.${attemptId}`;

function readSaved(attemptId: string): Record<string, number[]> {
  try {
    return JSON.parse(localStorage.getItem(storageKey(attemptId)) ?? '{}') as Record<string, number[]>;
  } catch {
    return {};
  }
}

function AttemptView({ attemptId, resolutionId, onClose }: { attemptId: string; resolutionId: string; onClose: () => void }) {
  const client = useQueryClient();
  const attempt = useQuery({ queryKey: quizKeys.attempt(attemptId), queryFn: ({ signal }) => api<Attempt>(`/api/quiz/attempts/${attemptId}`, { signal }), staleTime: Infinity });
  const [answers, setAnswers] = useState<Record<string, number[]>>(() => readSaved(attemptId));
  const [index, setIndex] = useState(0);
  const submit = useMutation({
    mutationFn: () => api<Attempt>(`/api/quiz/attempts/${attemptId}/submit`, { method: 'POST', body: { answers } }),
    onSuccess: async (done) => {
      client.setQueryData(quizKeys.attempt(attemptId), done);
      localStorage.removeItem(storageKey(attemptId));
      await client.invalidateQueries({ queryKey: quizKeys.overview(resolutionId) });
    },
  });
  useEffect(() => {
    if (attempt.data?.status === 'in-progress') localStorage.setItem(storageKey(attemptId), JSON.stringify(answers));
  }, [answers, attemptId, attempt.data?.status]);

  if (!attempt.data) return <PageFallback query={attempt} title="Lần làm bài" />;
  const a = attempt.data;
  const backButton = (
    <Button variant="default" onClick={onClose}>
      Về trang bài kiểm tra
    </Button>
  );
  if (a.result) return <ResultView attempt={a} action={backButton} />;
  if (a.status === 'expired') {
    return (
      <Stack>
        <Notice title="Đã hết giờ" color="red">
          Lần làm bài này đã hết thời gian mà chưa nộp, được tính 0 điểm.
        </Notice>
        {backButton}
      </Stack>
    );
  }
  const q = a.questions[index]!;
  const answered = a.questions.filter((x) => (answers[x.id] ?? []).length > 0).length;
  const choose = (chosen: number[]) => setAnswers((prev) => ({ ...prev, [q.id]: chosen }));
  const last = index === a.questions.length - 1;
  return (
    <Stack gap="md">
      <Paper
        withBorder
        p="sm"
        style={{ position: 'sticky', top: 'calc(var(--app-shell-header-offset, var(--app-shell-header-height, 0px)) + 4px)', zIndex: 3 }}
      >
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text fw={600}>
            Câu {index + 1}/{a.questions.length}
          </Text>
          <Timer secondsLeft={a.secondsLeft} onTimeUp={() => !submit.isPending && !submit.isSuccess && submit.mutate()} />
        </Group>
        <Progress.Root size="md" mt={6}>
          <Progress.Section value={(answered / a.questions.length) * 100} aria-label={`Đã trả lời ${answered}/${a.questions.length} câu`} />
        </Progress.Root>
        <Text fz="xs" c="dimmed" mt={2}>
          Đã trả lời {answered}/{a.questions.length} câu
        </Text>
      </Paper>
      <Card withBorder padding="md">
        <Text fz="xs" c="dimmed" mb={4}>
          {kindLabel[q.kind]}
        </Text>
        <QuestionInput key={q.id} question={q} chosen={answers[q.id] ?? []} onChange={choose} />
      </Card>
      <Group grow gap="sm">
        <Button variant="default" size="md" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          ‹ Câu trước
        </Button>
        {!last && (
          <Button variant="light" size="md" onClick={() => setIndex(index + 1)}>
            Câu sau ›
          </Button>
        )}
      </Group>
      <QuestionDots count={a.questions.length} current={index} isAnswered={(i) => (answers[a.questions[i]!.id] ?? []).length > 0} onPick={setIndex} />
      {submit.error && <ErrorAlert error={submit.error} />}
      <Button size="lg" color={last ? 'blue' : 'gray'} variant={last ? 'filled' : 'light'} loading={submit.isPending} onClick={() => submit.mutate()}>
        Nộp bài{answered < a.questions.length ? ` (còn ${a.questions.length - answered} câu chưa trả lời)` : ''}
      </Button>
    </Stack>
  );
}

function QuestionInput({ question: q, chosen, onChange }: { question: Attempt['questions'][number]; chosen: number[]; onChange: (chosen: number[]) => void }) {
  const label = (
    <Title order={2} fz="lg" fw={600} mb="xs" style={{ overflowWrap: 'anywhere' }}>
      {q.text}
    </Title>
  );
  if (q.kind === 'single') {
    return (
      <Radio.Group label={label} value={chosen[0] === undefined ? null : String(chosen[0])} onChange={(v) => onChange([Number(v)])}>
        <Stack gap="sm" mt="xs">
          {q.options.map((option, i) => (
            <Radio key={i} value={String(i)} label={option} size="md" />
          ))}
        </Stack>
      </Radio.Group>
    );
  }
  return (
    <Checkbox.Group label={label} value={chosen.map(String)} onChange={(v) => onChange(v.map(Number).sort((x, y) => x - y))}>
      <Stack gap="sm" mt="xs">
        {q.options.map((option, i) => (
          <Checkbox key={i} value={String(i)} label={option} size="md" />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function QuestionDots({ count, current, isAnswered, onPick }: { count: number; current: number; isAnswered: (i: number) => boolean; onPick: (i: number) => void }) {
  return (
    <Group gap={6} role="group" aria-label="Chuyển đến câu hỏi">
      {Array.from({ length: count }, (_, i) => (
        <Button
          key={i}
          size="compact-sm"
          miw={36}
          variant={i === current ? 'filled' : isAnswered(i) ? 'light' : 'default'}
          aria-current={i === current ? 'step' : undefined}
          aria-label={`Câu ${i + 1}${isAnswered(i) ? ', đã trả lời' : ', chưa trả lời'}`}
          onClick={() => onPick(i)}
        >
          {i + 1}
        </Button>
      ))}
    </Group>
  );
}

/** The time left, counted down in the browser from what the server said when the attempt loaded. */
function Timer({ secondsLeft, onTimeUp }: { secondsLeft: number; onTimeUp: () => void }) {
  const endsAt = useMemo(() => Date.now() + secondsLeft * 1000, [secondsLeft]);
  const [left, setLeft] = useState(secondsLeft);
  const fired = useRef(false);
  const timeUp = useRef(onTimeUp);
  timeUp.current = onTimeUp;
  useEffect(() => {
    const tick = () => {
      const s = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      setLeft(s);
      if (s === 0 && !fired.current) {
        fired.current = true;
        timeUp.current();
      }
    };
    tick();
    const id = window.setInterval(tick, 1000);
    return () => window.clearInterval(id);
  }, [endsAt]);
  const text = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return (
    <Badge size="lg" color={left <= 60 ? 'red' : 'blue'} variant="light" role="timer" aria-label={`Thời gian còn lại ${Math.floor(left / 60)} phút ${left % 60} giây`}>
      Còn {text}
    </Badge>
  );
}

function ResultView({ attempt: a, action }: { attempt: Attempt; action: React.ReactNode }) {
  const r = a.result!;
  const byId = new Map(r.results.map((x) => [x.questionId, x.correct]));
  return (
    <Stack gap="md">
      <Alert color={r.score >= 0.5 ? 'green' : 'orange'} title="Đã nộp bài" role="status">
        <Text fz="xl" fw={700}>
          Điểm: {mark(r.score)}/10
        </Text>
        <Text>
          Bạn trả lời đúng {r.correct}/{r.total} câu (lần làm bài thứ {a.number}).
        </Text>
      </Alert>
      <Stack gap="xs" component="ol" aria-label="Kết quả từng câu" style={{ paddingLeft: 0, listStyle: 'none', margin: 0 }}>
        {a.questions.map((q, i) => (
          <Card key={q.id} component="li" withBorder padding="sm">
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                {i + 1}. {q.text}
              </Text>
              <Badge color={byId.get(q.id) ? 'green' : 'red'} style={{ flexShrink: 0 }}>
                {byId.get(q.id) ? 'Đúng' : 'Sai'}
              </Badge>
            </Group>
          </Card>
        ))}
      </Stack>
      {action}
    </Stack>
  );
}
