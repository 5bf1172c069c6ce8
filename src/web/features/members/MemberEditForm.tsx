// Editing a member. Sends only what changed, with the version it started from; when someone else
// saved in between (409), shows their values next to ours and offers to load the newest record.
import { Group, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ConflictNotice, conflictRows } from '../../components/ConflictNotice';
import { DateField } from '../../components/DateField';
import { FormButtons, FormMessages } from '../../components/FormParts';
import { conflictOf, useEditForm } from '../../components/useEditForm';
import { dateInput, formatDate, orNone, readDate } from '../../format';
import { vi } from '../../i18n/vi';
import { genderLabel } from './format';
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
const fieldOrder: Field[] = ['fullName', 'gender', 'birthDate', 'joinedOn', 'officialOn', 'cardNumber', 'phone', 'email', 'exempt'];
const dateFields = ['birthDate', 'joinedOn', 'officialOn'] as const;
const textFields = ['cardNumber', 'phone', 'email'] as const;

const toForm = (m: Member): FormValues => ({
  fullName: m.fullName,
  gender: m.gender,
  birthDate: dateInput(m.birthDate),
  joinedOn: dateInput(m.joinedOn),
  officialOn: dateInput(m.officialOn),
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
    const read = readDate(values[field]);
    if (!read.ok) errors[field] = read.message;
    else if (read.iso !== original[field]) patch[field] = read.iso;
  }
  for (const field of textFields) {
    const value = values[field].trim() || null;
    if (field === 'email' && value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(value)) errors.email = vi.member.emailInvalid;
    else if (value !== original[field]) patch[field] = value;
  }
  return { patch, errors };
}

/** How a field of a member reads, to compare theirs and ours. */
function show(field: Field, value: unknown): string {
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
  const form = useEditForm(detail.member, toForm);
  const { base, values, errors, set } = form;

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { patch, errors: found } = buildPatch(values, base);
    if (!form.begin(event.currentTarget, found)) return;
    if (Object.keys(patch).length === 0) return form.setNotice(vi.common.noChanges);
    form.setSaving(true);
    try {
      const saved = await updateMember(base.id, { ...patch, version: base.version } as MemberPatch);
      queryClient.setQueryData(memberQuery(base.id).queryKey, { ...detail, member: saved });
      void queryClient.invalidateQueries({ queryKey: ['units'] });
      void queryClient.invalidateQueries({ queryKey: ['members', 'search'] });
      void queryClient.invalidateQueries({ queryKey: ['audit', 'member', base.id] });
      onDone(saved);
    } catch (error) {
      const conflict = conflictOf<Member>(error);
      if (conflict) {
        form.setConflict(conflict);
        void queryClient.invalidateQueries({ queryKey: ['audit', 'member', base.id] });
      } else form.setFailure(error);
    } finally {
      form.setSaving(false);
    }
  };

  const reloadNewest = (newest: Member) => {
    queryClient.setQueryData(memberQuery(newest.id).queryKey, { ...detail, member: newest });
    void queryClient.invalidateQueries({ queryKey: ['units'] });
    form.restart(newest);
  };

  if (form.conflict) {
    const { theirs, message } = form.conflict;
    return (
      <ConflictNotice
        title={vi.member.conflictTitle}
        message={message}
        compareLabel={vi.member.conflictCompare}
        rows={conflictRows({ order: fieldOrder, base, theirs, ours: buildPatch(values, base).patch, labels: f, show })}
        onReload={() => reloadNewest(theirs)}
        onCancel={() => onDone(null)}
      />
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={vi.member.editTitle}>
      <Stack gap="md">
        <FormMessages failure={form.failure} notice={form.notice} />
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
            <DateField key={field} label={f[field]} description={vi.member.dateHint} value={values[field]} onValue={(v) => set(field, v)} error={errors[field]} />
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
        <FormButtons saving={form.saving} onCancel={() => onDone(null)} />
      </Stack>
    </form>
  );
}
