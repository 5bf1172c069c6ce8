// "Thêm đảng viên" on a cell's page: one member at a time, besides the list import — a new member
// admitted (kết nạp) or one transferred in from another ward, with the day they began here. The
// server records the person, the member and the dated arrival event together.
import { useState } from 'react';
import { Modal, NativeSelect, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { DateField } from '../../components/DateField';
import { FormButtons, FormMessages } from '../../components/FormParts';
import { readDate } from '../../format';
import { vi } from '../../i18n/vi';
import { createMember } from './queries';

const t = vi.memberCreate;
const f = vi.personForm;

type Field = 'fullName' | 'gender' | 'birthDate' | 'arrivalOn' | 'joinedOn' | 'officialOn';

export function MemberCreateDialog({ cell, onClose }: { cell: { id: string; name: string }; onClose: (saved: { fullName: string } | null) => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ fullName: '', gender: '', birthDate: '', arrivalOn: '', joinedOn: '', officialOn: '', cardNumber: '', phone: '', email: '', fromWard: '' });
  const [kind, setKind] = useState<'joined' | 'transferIn'>('joined');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const title = t.title(cell.name);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const dates = { birthDate: readDate(values.birthDate), arrivalOn: readDate(values.arrivalOn), joinedOn: readDate(values.joinedOn), officialOn: readDate(values.officialOn) };
    const next: Partial<Record<Field, string>> = {};
    if (values.fullName.trim().split(/\s+/u).length < 2) next.fullName = f.nameRequired;
    if (values.gender !== 'male' && values.gender !== 'female') next.gender = t.genderRequired;
    for (const [key, read] of Object.entries(dates)) if (!read.ok) next[key as Field] = read.message;
    if (dates.arrivalOn.ok && !dates.arrivalOn.iso) next.arrivalOn = t.dateRequired;
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const iso = (read: ReturnType<typeof readDate>) => (read.ok ? read.iso : null);
    setFailure(null);
    setSaving(true);
    try {
      await createMember({
        cellId: cell.id,
        fullName: values.fullName.trim(),
        gender: values.gender as 'male' | 'female',
        birthDate: iso(dates.birthDate),
        joinedOn: iso(dates.joinedOn),
        officialOn: iso(dates.officialOn),
        cardNumber: values.cardNumber.trim() || null,
        phone: values.phone.trim() || null,
        email: values.email.trim() || null,
        arrival: { kind, on: iso(dates.arrivalOn)!, ...(kind === 'transferIn' && values.fromWard.trim() ? { fromWard: values.fromWard.trim() } : {}) },
      });
      await Promise.all(['members', 'units', 'people', 'cells'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
      onClose({ fullName: values.fullName.trim() });
    } catch (e) {
      setFailure(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': vi.dialog.close }} opened onClose={() => onClose(null)} title={title}>
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="sm">
          <TextInput label={f.fullName} required value={values.fullName} onChange={(e) => set('fullName')(e.currentTarget.value)} error={errors.fullName} autoComplete="off" />
          <NativeSelect
            label={f.gender}
            required
            value={values.gender}
            onChange={(e) => set('gender')(e.currentTarget.value)}
            error={errors.gender}
            data={[{ value: '', label: '' }, ...Object.entries(vi.gender).map(([value, label]) => ({ value, label }))]}
          />
          <DateField label={f.birthDate} value={values.birthDate} onValue={set('birthDate')} error={errors.birthDate} />
          <Stack gap={4}>
            <span id="member-arrival-label">{t.arrival}</span>
            <SegmentedControl
              aria-labelledby="member-arrival-label"
              value={kind}
              onChange={(v) => setKind(v as 'joined' | 'transferIn')}
              data={[
                { value: 'joined', label: t.joined },
                { value: 'transferIn', label: t.transferIn },
              ]}
            />
          </Stack>
          <DateField label={t.arrivalOn} required value={values.arrivalOn} onValue={set('arrivalOn')} error={errors.arrivalOn} />
          {kind === 'transferIn' && <TextInput label={t.fromWard} value={values.fromWard} onChange={(e) => set('fromWard')(e.currentTarget.value)} />}
          <DateField label={t.joinedOn} value={values.joinedOn} onValue={set('joinedOn')} error={errors.joinedOn} />
          <DateField label={t.officialOn} value={values.officialOn} onValue={set('officialOn')} error={errors.officialOn} />
          <TextInput label={t.cardNumber} value={values.cardNumber} onChange={(e) => set('cardNumber')(e.currentTarget.value)} autoComplete="off" />
          <TextInput label={f.phone} type="tel" value={values.phone} onChange={(e) => set('phone')(e.currentTarget.value)} autoComplete="off" />
          <TextInput label={f.email} type="email" value={values.email} onChange={(e) => set('email')(e.currentTarget.value)} autoComplete="off" />
          <FormMessages failure={failure} />
          <FormButtons saving={saving} submitLabel={t.open} onCancel={() => onClose(null)} />
        </Stack>
      </form>
    </Modal>
  );
}
