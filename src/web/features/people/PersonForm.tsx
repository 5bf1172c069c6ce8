// A person's own details (not membership): name, gender, birth date, phone, e-mail, a note. The same
// form adds someone who is not a member (a residential group's head, an agency officer) and edits
// anyone's details; an edit carries the version it started from, so a concurrent edit is refused
// (409) and the form says so instead of overwriting it.
import { useState } from 'react';
import { Modal, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api';
import { DateField } from '../../components/DateField';
import { FormButtons, FormMessages } from '../../components/FormParts';
import { formatDate, readDate } from '../../format';
import { vi } from '../../i18n/vi';
import { savePerson, type PersonInput } from './queries';

const t = vi.personForm;

export interface EditablePerson {
  id: string;
  version: number;
  fullName: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  phone: string | null;
  email: string | null;
  note: string | null;
}

export function PersonFormDialog({ person, onClose }: { person?: EditablePerson; onClose: (saved: { id: string; fullName: string } | null) => void }) {
  const queryClient = useQueryClient();
  const [fullName, setFullName] = useState(person?.fullName ?? '');
  const [gender, setGender] = useState<string>(person?.gender ?? '');
  const [birthDate, setBirthDate] = useState(person?.birthDate ? formatDate(person.birthDate) : '');
  const [phone, setPhone] = useState(person?.phone ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  const [note, setNote] = useState(person?.note ?? '');
  const [errors, setErrors] = useState<{ fullName?: string; birthDate?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const title = person ? t.editTitle : t.createTitle;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const born = readDate(birthDate);
    const next = { fullName: fullName.trim().split(/\s+/u).length < 2 ? t.nameRequired : undefined, birthDate: born.ok ? undefined : born.message };
    setErrors(next);
    if (next.fullName || next.birthDate || !born.ok) return;
    const input: PersonInput = {
      fullName: fullName.trim(),
      gender: gender === 'male' || gender === 'female' ? gender : null,
      birthDate: born.iso,
      phone: phone.trim() || null,
      email: email.trim() || null,
      note: note.trim() || null,
    };
    setFailure(null);
    setSaving(true);
    try {
      const saved = await savePerson(input, person);
      await queryClient.invalidateQueries({ queryKey: ['people'] });
      onClose(saved);
    } catch (e) {
      // A stale version: show the newest details behind the dialog and say what happened.
      if (e instanceof ApiError && e.status === 409) await queryClient.invalidateQueries({ queryKey: ['people'] });
      setFailure(e instanceof ApiError && e.status === 409 ? new Error(t.conflict) : e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': vi.dialog.close }} opened onClose={() => onClose(null)} title={title}>
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="sm">
          <TextInput label={t.fullName} required value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} error={errors.fullName} autoComplete="off" />
          <NativeSelect
            label={t.gender}
            value={gender}
            onChange={(e) => setGender(e.currentTarget.value)}
            data={[{ value: '', label: t.noGender }, ...Object.entries(vi.gender).map(([value, label]) => ({ value, label }))]}
          />
          <DateField label={t.birthDate} value={birthDate} onValue={setBirthDate} error={errors.birthDate} />
          <TextInput label={t.phone} type="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} autoComplete="off" />
          <TextInput label={t.email} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} autoComplete="off" />
          <Textarea label={t.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
          <FormMessages failure={failure} />
          <FormButtons saving={saving} onCancel={() => onClose(null)} />
        </Stack>
      </form>
    </Modal>
  );
}
