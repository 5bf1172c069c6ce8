// The administrator's extension of the plan checker's vocabulary, shared by every commune: a JSON
// text with a short explanation, a quick way to add one misspelling, and the server's Vietnamese
// list of problems when the extension is refused.
import { useState } from 'react';
import { Alert, Button, Code, Group, List, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api';
import { ErrorAlert, QueryStatus, Success } from '../../components/feedback';
import { Section } from '../../components/Section';
import { vi } from '../../i18n/vi';
import { saveVocabulary, vocabularyQuery, type VocabularyExtension } from './queries';
import classes from './settings.module.css';

const t = vi.settings.vocabulary;

const pretty = (data: unknown) => JSON.stringify(data, null, 2);

type Parsed = { ok: true; data: unknown } | { ok: false; message: string };

function parse(text: string): Parsed {
  try {
    return { ok: true, data: JSON.parse(text.trim() || '{}') };
  } catch (error) {
    return { ok: false, message: t.invalidJson((error as Error).message) };
  }
}

export function VocabularySection() {
  const vocabulary = useQuery(vocabularyQuery);
  return (
    <Section id="settings-vocabulary" title={t.title}>
      {vocabulary.data ? <VocabularyEditor extension={vocabulary.data} /> : <QueryStatus query={vocabulary} />}
    </Section>
  );
}

function VocabularyEditor({ extension }: { extension: VocabularyExtension }) {
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(extension.version);
  const [text, setText] = useState(() => pretty(extension.data));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [conflicted, setConflicted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [wrong, setWrong] = useState('');
  const [right, setRight] = useState('');
  const [addError, setAddError] = useState<string | null>(null);

  const clearMessages = () => {
    setSaved(null);
    setServerErrors([]);
    setFailure(null);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    clearMessages();
    const parsed = parse(text);
    if (!parsed.ok) return setJsonError(parsed.message);
    setJsonError(null);
    setSaving(true);
    try {
      const answer = await saveVocabulary(version, parsed.data);
      queryClient.setQueryData(vocabularyQuery.queryKey, answer);
      setVersion(answer.version);
      setText(pretty(answer.data));
      setSaved(t.saved(answer.version));
    } catch (error) {
      const details = error instanceof ApiError ? (error.details as { errors?: unknown } | undefined) : undefined;
      if (error instanceof ApiError && error.id === 'vocabulary.invalid' && Array.isArray(details?.errors)) setServerErrors(details.errors.map(String));
      else if (error instanceof ApiError && error.status === 409) setConflicted(true);
      else setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const addMisspelling = () => {
    setAddError(null);
    clearMessages();
    if (!wrong.trim() || !right.trim()) return setAddError(t.addNeedsBoth);
    const parsed = parse(text);
    if (!parsed.ok) return setJsonError(parsed.message);
    const data = (parsed.data && typeof parsed.data === 'object' && !Array.isArray(parsed.data) ? parsed.data : {}) as Record<string, unknown>;
    const current = data.misspellings && typeof data.misspellings === 'object' ? (data.misspellings as Record<string, unknown>) : {};
    setText(pretty({ ...data, misspellings: { ...current, [wrong.trim()]: right.trim() } }));
    setJsonError(null);
    setWrong('');
    setRight('');
  };

  const reloadNewest = async () => {
    clearMessages();
    try {
      const fresh = await queryClient.fetchQuery({ ...vocabularyQuery, staleTime: 0 });
      setConflicted(false);
      setVersion(fresh.version);
      setText(pretty(fresh.data));
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Stack gap="md">
      <Text>{t.intro}</Text>
      <Stack gap={4}>
        <Text fw={600}>{t.keys}</Text>
        <List spacing={2} fz="sm">
          {t.keyList.map(([key, shape]) => (
            <List.Item key={key}>
              <Code>{key}</Code>: <Code>{shape}</Code>
            </List.Item>
          ))}
        </List>
      </Stack>
      <Text fz="sm" c="dimmed">
        {t.version(version)}
      </Text>

      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={3} fz="lg">
            {t.addMisspelling}
          </Title>
          <Group align="flex-start" gap="sm">
            <TextInput label={t.wrong} value={wrong} onChange={(e) => setWrong(e.currentTarget.value)} autoComplete="off" style={{ flex: '1 1 12rem' }} />
            <TextInput label={t.right} value={right} onChange={(e) => setRight(e.currentTarget.value)} autoComplete="off" style={{ flex: '1 1 12rem' }} />
          </Group>
          {addError && (
            <Text c="red.9" fz="sm" role="alert">
              {addError}
            </Text>
          )}
          <div>
            <Button variant="light" onClick={addMisspelling}>
              {t.add}
            </Button>
          </div>
        </Stack>
      </Paper>

      <form onSubmit={submit} noValidate aria-label={t.title}>
        <Stack gap="sm">
          <Textarea
            size="md"
            label={t.json}
            description={t.jsonHint}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setJsonError(null);
            }}
            error={jsonError}
            autosize
            minRows={8}
            maxRows={24}
            spellCheck={false}
            classNames={{ input: classes.json }}
          />
          {serverErrors.length > 0 && (
            <Alert color="red" title={t.errorsTitle} role="alert">
              <List spacing={4}>
                {serverErrors.map((message, i) => (
                  <List.Item key={i}>{message}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {failure !== null && <ErrorAlert error={failure} />}
          {conflicted && (
            <Alert color="orange" role="alert">
              <Stack gap="xs" align="flex-start">
                <Text>{t.conflict}</Text>
                <Button variant="default" onClick={() => void reloadNewest()}>
                  {t.reload}
                </Button>
              </Stack>
            </Alert>
          )}
          <Success>{saved}</Success>
          <Group>
            <Button type="submit" loading={saving}>
              {vi.common.save}
            </Button>
            <Button
              variant="default"
              onClick={() => {
                const parsed = parse(text);
                if (parsed.ok) setText(pretty(parsed.data));
                else setJsonError(parsed.message);
              }}
            >
              {t.format}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
