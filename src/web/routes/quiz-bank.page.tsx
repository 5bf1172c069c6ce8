// The ward staff's page of a resolution's quiz: settings, the question bank, the results by cell.
import { useState, type FormEvent } from 'react';
import { Badge, Button, Card, Checkbox, Group, NativeSelect, NumberInput, Radio, Stack, Switch, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api';
import { ErrorAlert, Notice, PageFallback, QueryStatus, Success } from '../components/feedback';
import { AnchorLink } from '../components/links';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { countingLabel, kindLabel, mark, quizKeys, type Bank, type BankQuestion, type QuestionKind, type QuizSettings, type Results } from '../features/quiz/api';
import { quizBankRoute } from './quiz-bank';

export default QuizBankPage;

function QuizBankPage() {
  const { resolutionId } = quizBankRoute.useParams();
  const bank = useQuery({ queryKey: quizKeys.bank(resolutionId), queryFn: ({ signal }) => api<Bank>(`/api/resolutions/${resolutionId}/quiz/questions`, { signal }) });
  const back = (
    <AnchorLink to="/nghi-quyet/$resolutionId" params={{ resolutionId }} fz="sm">
      ‹ Về văn bản
    </AnchorLink>
  );
  if (!bank.data) return <PageFallback query={bank} title="Quản lý bài kiểm tra" above={back} unavailable={{ title: 'Không xem được', message: 'Chỉ Văn phòng, Ban xây dựng Đảng quản lý bài kiểm tra.' }} />;
  const b = bank.data;
  return (
    <>
      <PageHeader
        title={`Bài kiểm tra Nghị quyết số ${b.number}`}
        documentTitle="Quản lý bài kiểm tra"
        above={back}
        below={
          <AnchorLink to="/nghi-quyet/$resolutionId/kiem-tra" params={{ resolutionId }} fz="sm">
            Xem trang làm bài
          </AnchorLink>
        }
      />
      <Stack gap="xl">
        <Section id="quiz-settings" title="Thiết lập">
          <SettingsForm key={b.settings?.version ?? 0} resolutionId={resolutionId} settings={b.settings} bankSize={b.questions.length} />
        </Section>
        <Section id="quiz-questions" title={`Ngân hàng câu hỏi (${b.questions.length})`}>
          <Stack gap="sm">
            {b.questions.length === 0 && <Text c="dimmed">Chưa có câu hỏi nào.</Text>}
            <Stack gap="xs" component="ol" aria-label="Câu hỏi" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {b.questions.map((q, i) => (
                <QuestionCard key={`${q.id}-${q.version}`} resolutionId={resolutionId} question={q} index={i} />
              ))}
            </Stack>
          </Stack>
        </Section>
        <Section id="quiz-add" title="Thêm câu hỏi">
          <QuestionForm resolutionId={resolutionId} />
        </Section>
        <Section id="quiz-results" title="Kết quả theo chi bộ">
          <ResultsTable resolutionId={resolutionId} />
        </Section>
      </Stack>
    </>
  );
}

function SettingsForm({ resolutionId, settings, bankSize }: { resolutionId: string; settings: QuizSettings | null; bankSize: number }) {
  const client = useQueryClient();
  const [form, setForm] = useState(() => settings ?? { questionCount: Math.min(10, Math.max(1, bankSize)), timeLimitMinutes: 15, attemptsLimit: 3, counting: 'best' as const, open: false, version: 0 });
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => api<QuizSettings>(`/api/resolutions/${resolutionId}/quiz/settings`, { method: 'PUT', body: form }),
    onSuccess: async () => {
      setDone('Đã lưu thiết lập.');
      await client.invalidateQueries({ queryKey: ['quiz', resolutionId] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    save.mutate();
  };
  const num = (v: string | number) => (typeof v === 'number' ? v : 0);
  return (
    <form onSubmit={submit} aria-label="Thiết lập bài kiểm tra">
      <Stack gap="sm" maw={560}>
        <Group grow gap="sm" wrap="wrap">
          <NumberInput label="Số câu mỗi lần" size="md" min={1} max={100} value={form.questionCount} onChange={(v) => setForm({ ...form, questionCount: num(v) })} />
          <NumberInput label="Thời gian (phút)" size="md" min={1} max={180} value={form.timeLimitMinutes} onChange={(v) => setForm({ ...form, timeLimitMinutes: num(v) })} />
          <NumberInput label="Số lần được làm" size="md" min={1} max={10} value={form.attemptsLimit} onChange={(v) => setForm({ ...form, attemptsLimit: num(v) })} />
        </Group>
        <NativeSelect
          label="Điểm được tính theo"
          size="md"
          value={form.counting}
          onChange={(e) => setForm({ ...form, counting: e.currentTarget.value as QuizSettings['counting'] })}
          data={(['best', 'last'] as const).map((c) => ({ value: c, label: countingLabel[c] }))}
        />
        <Switch label="Mở cho đảng viên làm bài" checked={form.open} onChange={(e) => setForm({ ...form, open: e.currentTarget.checked })} />
        {form.questionCount > bankSize && <Text fz="sm" c="orange.9">Ngân hàng có {bankSize} câu: mỗi lần làm bài sẽ rút tất cả các câu.</Text>}
        {save.error && <ErrorAlert error={save.error} />}
        <Success>{done}</Success>
        <Group>
          <Button type="submit" size="md" loading={save.isPending}>
            Lưu thiết lập
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function QuestionCard({ resolutionId, question: q, index }: { resolutionId: string; question: BankQuestion; index: number }) {
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const remove = useMutation({
    mutationFn: () => api<void>(`/api/quiz/questions/${q.id}`, { method: 'DELETE', query: { version: q.version } }),
    onSettled: () => client.invalidateQueries({ queryKey: quizKeys.bank(resolutionId) }),
  });
  if (editing) {
    return (
      <Card component="li" withBorder padding="sm">
        <QuestionForm resolutionId={resolutionId} original={q} onDone={() => setEditing(false)} />
      </Card>
    );
  }
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Badge variant="light">{kindLabel[q.kind]}</Badge>
        <Group gap={4}>
          <Button size="xs" variant="light" onClick={() => setEditing(true)} aria-label={`Sửa câu ${index + 1}`}>
            Sửa
          </Button>
          <Button size="xs" variant="light" color="red" loading={remove.isPending} onClick={() => remove.mutate()} aria-label={`Xóa câu ${index + 1}`}>
            Xóa
          </Button>
        </Group>
      </Group>
      <Text fw={600} mt={4} style={{ overflowWrap: 'anywhere' }}>
        {index + 1}. {q.text}
      </Text>
      <Stack gap={2} component="ul" mt={4} style={{ paddingLeft: '1.2rem', margin: 0 }}>
        {q.options.map((o, i) => (
          <Text key={i} component="li" fz="sm" fw={q.correct.includes(i) ? 700 : 400} style={{ overflowWrap: 'anywhere' }}>
            {o}
            {q.correct.includes(i) ? ' ✓ (đúng)' : ''}
          </Text>
        ))}
      </Stack>
      {remove.error && <ErrorAlert error={remove.error} />}
    </Card>
  );
}

function QuestionForm({ resolutionId, original, onDone }: { resolutionId: string; original?: BankQuestion; onDone?: () => void }) {
  const client = useQueryClient();
  const empty = () => ({ id: crypto.randomUUID(), kind: 'single' as QuestionKind, text: '', options: ['', '', '', ''], correct: [] as number[] });
  const [form, setForm] = useState(() => (original ? { id: original.id, kind: original.kind, text: original.text, options: [...original.options], correct: [...original.correct] } : empty()));
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => {
      const options = form.options.map((o) => o.trim());
      const kept = options.map((o, i) => [o, i] as const).filter(([o]) => o !== '');
      const body = { kind: form.kind, text: form.text, options: kept.map(([o]) => o), correct: form.correct.map((c) => kept.findIndex(([, i]) => i === c)).filter((i) => i >= 0) };
      return original
        ? api<BankQuestion>(`/api/quiz/questions/${original.id}`, { method: 'PATCH', body: { version: original.version, ...body } })
        : api<BankQuestion>(`/api/resolutions/${resolutionId}/quiz/questions`, { method: 'POST', body: { id: form.id, ...body } });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: quizKeys.bank(resolutionId) });
      if (original) onDone?.();
      else {
        setDone('Đã thêm câu hỏi.');
        setForm(empty());
      }
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    save.mutate();
  };
  const toggle = (i: number, on: boolean) => setForm((f) => ({ ...f, correct: f.kind === 'single' ? (on ? [i] : []) : on ? [...f.correct, i].sort((a, b) => a - b) : f.correct.filter((c) => c !== i) }));
  const stale = save.error instanceof ApiError && save.error.status === 409;
  return (
    <form onSubmit={submit} aria-label={original ? 'Sửa câu hỏi' : 'Thêm câu hỏi'}>
      <Stack gap="sm" maw={640}>
        <Radio.Group label="Loại câu hỏi" value={form.kind} onChange={(v) => setForm((f) => ({ ...f, kind: v as QuestionKind, correct: v === 'single' ? f.correct.slice(0, 1) : f.correct }))}>
          <Group gap="md" mt={4}>
            <Radio value="single" label={kindLabel.single} />
            <Radio value="multiple" label={kindLabel.multiple} />
          </Group>
        </Radio.Group>
        <Textarea label="Nội dung câu hỏi" size="md" autosize minRows={2} required value={form.text} onChange={(e) => setForm({ ...form, text: e.currentTarget.value })} />
        {form.options.map((o, i) => (
          <Group key={i} gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              label={`Phương án ${i + 1}`}
              size="md"
              style={{ flex: 1 }}
              value={o}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setForm((f) => ({ ...f, options: f.options.map((x, k) => (k === i ? value : x)) }));
              }}
            />
            <Checkbox mb={10} label="Đúng" checked={form.correct.includes(i)} onChange={(e) => toggle(i, e.currentTarget.checked)} aria-label={`Phương án ${i + 1} đúng`} />
          </Group>
        ))}
        {form.options.length < 8 && (
          <Group>
            <Button variant="subtle" size="sm" onClick={() => setForm((f) => ({ ...f, options: [...f.options, ''] }))}>
              + Thêm phương án
            </Button>
          </Group>
        )}
        {save.error && <ErrorAlert error={save.error} />}
        {stale && <Notice title="Câu hỏi đã được người khác sửa">Hãy hủy và mở lại để xem nội dung mới nhất.</Notice>}
        <Success>{done}</Success>
        <Group>
          <Button type="submit" size="md" loading={save.isPending}>
            {original ? 'Lưu câu hỏi' : 'Thêm câu hỏi'}
          </Button>
          {original && (
            <Button variant="default" size="md" onClick={onDone}>
              Hủy
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function ResultsTable({ resolutionId }: { resolutionId: string }) {
  const results = useQuery({ queryKey: quizKeys.results(resolutionId), queryFn: ({ signal }) => api<Results>(`/api/resolutions/${resolutionId}/quiz/results`, { signal }) });
  if (!results.data) return <QueryStatus query={results} />;
  if (results.data.cells.length === 0) return <Text c="dimmed">Chưa có đảng viên nào làm bài.</Text>;
  return (
    <Stack gap="md">
      {results.data.cells.map((c) => (
        <Card key={c.cellId} withBorder padding="sm">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text fw={600}>{c.cellName}</Text>
            <Text fz="sm">
              {c.taken} đảng viên đã làm{c.average !== null ? ` · điểm trung bình ${mark(c.average)}/10` : ''}
            </Text>
          </Group>
          <Table.ScrollContainer minWidth={280}>
            <Table fz="sm" mt={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Họ và tên</Table.Th>
                  <Table.Th>Số lần</Table.Th>
                  <Table.Th>Điểm</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.members.map((m) => (
                  <Table.Tr key={m.memberId}>
                    <Table.Td>{m.fullName}</Table.Td>
                    <Table.Td>{m.attempts}</Table.Td>
                    <Table.Td>{m.counted === null ? 'Đang làm' : `${mark(m.counted)}/10`}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ))}
    </Stack>
  );
}
