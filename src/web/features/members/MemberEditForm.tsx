// Editing a member. Sends only what changed, with the version it started from; when someone else
// saved in between (409), shows their values next to ours and offers to load the newest record.
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Radio, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/feedback';
import { vi } from '../../i18n/vi';
import { formatDate, genderLabel, orNone, readDateInput } from './format';
import { memberQuery, updateMember, type Member, type MemberDetail, type MemberPatch } from './queries';

const f = vi.member.fields;

interface FormValues {
  fullName: string;
  gender: 'male' | 'female';
  birthDate: string;
  joinedOn: string;
  officialOn: string;
  cardNumber: string;
  phone: string;
  email: string;
  exempt: boolean;
}

type Field = keyof FormValues;
const dateFields = ['birthDate', 'joinedOn', 'officialOn'] as const;
const textFields = ['cardNumber', 'phone', 'email'] as const;

const toForm = (m: Member): FormValues => ({
  fullName: m.fullName,
  gender: m.gender,
  birthDate: m.birthDate ? formatDate(m.birthDate) : '',
  joinedOn: m.joinedOn ? formatDate(m.joinedOn) : '',
  officialOn: m.officialOn ? formatDate(m.officialOn) : '',
  cardNumber: m.cardNumber ?? '',
  phone: m.phone ?? '',
  email: m.email ?? '',
  exempt: m.exempt,
});

/** Checks the form and builds the patch of changed fields, or returns the errors per field. */
function buildPatch(values: FormValues, original: Member): { patch: Partial<MemberPatch>; errors: Partial<Record<Field, string>> } {
  const errors: Partial<Record<Field, string>> = {};
  const patch: Partial<MemberPatch> = {};
  const fullName = values.fullName.trim().replace(/\s+/gu, ' ');
  if (fullName.split(' ').length < 2) errors.fullName = vi.member.nameTooShort;
  else if (fullName !== original.fullName) patch.fullName = fullName;
  if (values.gender !== original.gender) patch.gender = values.gender;
  for (const field of dateFields) {
    const read = readDateInput(values[field]);
    if (!read.ok) errors[field] = read.message;
    else if (read.iso !== original[field]) patch[field] = read.iso;
  }
  for (const field of textFields) {
    const value = values[field].trim() || null;
    if (field === 'email' && value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(value)) errors.email = vi.member.emailInvalid;
    else if (value !== original[field]) patch[field] = value;
  }
  if (values.exempt !== original.exempt) patch.exempt = values.exempt;
  return { patch, errors };
}

/** How a field of a member reads, to compare theirs and ours. */
function show(field: keyof MemberPatch, value: unknown): string {
  if (field === 'gender') return genderLabel(String(value));
  if (field === 'exempt') return value ? vi.common.yes : vi.common.no;
  if (field === 'birthDate' || field === 'joinedOn' || field === 'officialOn') return formatDate(value as string | null);
  return orNone(value as string | null);
}

interface Props {
  detail: MemberDetail;
  onDone: (saved: Member | null) => void;
}

export function MemberEditForm({ detail, onDone }: Props) {
  const queryClient = useQueryClient();
  const [base, setBase] = useState<Member>(detail.member);
  const [values, setValues] = useState<FormValues>(() => toForm(detail.member));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ theirs: Member; ours: Partial<MemberPatch>; message: string } | null>(null);

  const set = <K extends Field>(field: K, value: FormValues[K]) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setNotice(null);
    const { patch, errors: found } = buildPatch(values, base);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (Object.keys(patch).length === 0) {
      setNotice(vi.member.noChanges);
      return;
    }
    setSaving(true);
    try {
      const saved = await updateMember(base.id, { ...patch, version: base.version } as MemberPatch);
      queryClient.setQueryData(memberQuery(base.id).queryKey, { ...detail, member: saved });
      void queryClient.invalidateQueries({ queryKey: ['units'] });
      void queryClient.invalidateQueries({ queryKey: ['members', 'search'] });
      void queryClient.invalidateQueries({ queryKey: ['audit', 'member', base.id] });
      onDone(saved);
    } catch (error) {
      const current = (error as ApiError).details as { current?: Member } | undefined;
      if (error instanceof ApiError && error.status === 409 && current?.current) {
        setConflict({ theirs: current.current, ours: patch, message: error.message });
        void queryClient.invalidateQueries({ queryKey: ['audit', 'member', base.id] });
      } else setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const reloadNewest = () => {
    if (!conflict) return;
    const newest = conflict.theirs;
    queryClient.setQueryData(memberQuery(newest.id).queryKey, { ...detail, member: newest });
    void queryClient.invalidateQueries({ queryKey: ['units'] });
    setBase(newest);
    setValues(toForm(newest));
    setErrors({});
    setConflict(null);
  };

  if (conflict) {
    const fields = (Object.keys(conflict.ours) as (keyof MemberPatch)[]).filter((k) => k !== 'version');
    const changedByThem = (Object.keys(f) as string[]).filter(
      (k) => k in base && k in conflict.theirs && JSON.stringify(base[k as keyof Member]) !== JSON.stringify(conflict.theirs[k as keyof Member]),
    ) as (keyof MemberPatch)[];
    const compare = [...new Set([...changedByThem, ...fields])];
    return (
      <Alert color="orange" title={vi.member.conflictTitle} role="alert">
        <Stack gap="sm">
          <Text>{conflict.message}</Text>
          <Table.ScrollContainer minWidth={320}>
            <Table withTableBorder fz="md" aria-label={vi.member.conflictCompare}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{vi.member.conflictField}</Table.Th>
                  <Table.Th scope="col">{vi.member.conflictTheirs}</Table.Th>
                  <Table.Th scope="col">{vi.member.conflictYours}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {compare.map((field) => (
                  <Table.Tr key={field}>
                    <Table.Th scope="row">{f[field] ?? field}</Table.Th>
                    <Table.Td>{show(field, conflict.theirs[field as keyof Member])}</Table.Td>
                    <Table.Td>{show(field, field in conflict.ours ? conflict.ours[field] : base[field as keyof Member])}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text fz="sm">{vi.member.conflictReloadHint}</Text>
          <Group>
            <Button onClick={reloadNewest}>{vi.member.conflictReload}</Button>
            <Button variant="default" onClick={() => onDone(null)}>
              {vi.common.cancel}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={vi.member.editTitle}>
      <Stack gap="md">
        {failure !== null && <ErrorAlert error={failure} />}
        {notice && (
          <Alert color="blue" role="status">
            {notice}
          </Alert>
        )}
        <TextInput
          label={f.fullName}
          required
          value={values.fullName}
          onChange={(e) => set('fullName', e.currentTarget.value)}
          error={errors.fullName}
          autoComplete="off"
        />
        <Radio.Group label={f.gender} value={values.gender} onChange={(v) => set('gender', v as FormValues['gender'])}>
          <Group mt={6}>
            <Radio value="male" label={vi.gender.male} />
            <Radio value="female" label={vi.gender.female} />
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {dateFields.map((field) => (
            <TextInput
              key={field}
              label={f[field]}
              description={vi.member.dateHint}
              placeholder={vi.member.datePlaceholder}
              value={values[field]}
              onChange={(e) => set(field, e.currentTarget.value)}
              error={errors[field]}
              autoComplete="off"
            />
          ))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={f.cardNumber} value={values.cardNumber} onChange={(e) => set('cardNumber', e.currentTarget.value)} autoComplete="off" />
          <TextInput label={f.phone} type="tel" value={values.phone} onChange={(e) => set('phone', e.currentTarget.value)} autoComplete="off" />
          <TextInput
            label={f.email}
            type="email"
            value={values.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={errors.email}
            autoComplete="off"
          />
        </SimpleGrid>
        <Checkbox label={f.exempt} checked={values.exempt} onChange={(e) => set('exempt', e.currentTarget.checked)} />
        <Group>
          <Button type="submit" loading={saving}>
            {vi.common.save}
          </Button>
          <Button variant="default" onClick={() => onDone(null)} disabled={saving}>
            {vi.common.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
