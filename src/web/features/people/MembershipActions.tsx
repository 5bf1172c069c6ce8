// The office's actions on a member's party activity: "Chuyển sinh hoạt" (to a cell of the ward, or
// out to another ward), "Miễn sinh hoạt" (from, to, reason), "Ra khỏi đảng bộ" (date, reason).
// Each is a dialog; the server records a dated event and the member's current state with it.
import { useState } from 'react';
import { Button, Group, Modal, NativeSelect, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DateField } from '../../components/DateField';
import { FormButtons, FormMessages } from '../../components/FormParts';
import { readDate } from '../../format';
import { vi } from '../../i18n/vi';
import { unitsQuery } from '../units/queries';
import { exemptMember, memberLeaves, transferMember } from './queries';

const t = vi.membershipActions;
type Action = 'transfer' | 'exempt' | 'leave';

export function MembershipActions({ member, onDone }: { member: { id: string; cellId: string }; onDone: () => void }) {
  const [open, setOpen] = useState<Action | null>(null);
  return (
    <>
      <Group gap="xs" role="group" aria-label={t.title}>
        <Button variant="default" onClick={() => setOpen('transfer')}>
          {t.transfer}
        </Button>
        <Button variant="default" onClick={() => setOpen('exempt')}>
          {t.exempt}
        </Button>
        <Button variant="default" color="red" onClick={() => setOpen('leave')}>
          {t.leave}
        </Button>
      </Group>
      {open && (
        <ActionDialog
          action={open}
          member={member}
          onClose={(saved) => {
            setOpen(null);
            if (saved) onDone();
          }}
        />
      )}
    </>
  );
}

function ActionDialog({ action, member, onClose }: { action: Action; member: { id: string; cellId: string }; onClose: (saved: boolean) => void }) {
  const queryClient = useQueryClient();
  const units = useQuery(unitsQuery);
  const [where, setWhere] = useState<'within' | 'outside'>('within');
  const [cellId, setCellId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState<string | null>(action === 'leave' ? 'moved' : null);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const cells = (units.data ?? []).filter((u) => u.kind === 'cell' && u.id !== member.cellId).map((u) => ({ value: u.id, label: u.name }));
  const title = action === 'transfer' ? t.transfer : action === 'exempt' ? t.exempt : t.leave;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const on = readDate(date);
    const to = readDate(until);
    if (!on.ok || !on.iso) return setError(on.ok ? t.required : on.message);
    if (!to.ok) return setError(to.message);
    setError(null);
    setFailure(null);
    setSaving(true);
    try {
      if (action === 'transfer') await transferMember(member.id, where === 'within' ? { on: on.iso, toCellId: cellId ?? '' } : { on: on.iso, toWard: text });
      if (action === 'exempt') await exemptMember(member.id, { from: on.iso, to: to.iso, reason: text });
      if (action === 'leave') await memberLeaves(member.id, { on: on.iso, reason: reason ?? 'moved' });
      await Promise.all(['members', 'units', 'people', 'cells'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
      onClose(true);
    } catch (e) {
      setFailure(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': vi.dialog.close }} opened onClose={() => onClose(false)} title={title}>
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="sm">
          {action === 'transfer' && (
            <>
              <SegmentedControl
                value={where}
                onChange={(v) => setWhere(v as 'within' | 'outside')}
                data={[
                  { value: 'within', label: t.within },
                  { value: 'outside', label: t.outside },
                ]}
              />
              {where === 'within' ? (
                <NativeSelect label={t.toCell} data={[{ value: '', label: '' }, ...cells]} value={cellId ?? ''} onChange={(e) => setCellId(e.currentTarget.value || null)} />
              ) : (
                <TextInput label={t.toWard} value={text} onChange={(e) => setText(e.currentTarget.value)} />
              )}
            </>
          )}
          <DateField label={action === 'exempt' ? t.from : t.on} value={date} onValue={setDate} error={error} />
          {action === 'exempt' && (
            <>
              <DateField label={t.to} value={until} onValue={setUntil} />
              <TextInput label={t.reason} value={text} onChange={(e) => setText(e.currentTarget.value)} />
            </>
          )}
          {action === 'leave' && (
            <NativeSelect
              label={t.leaveReason}
              value={reason ?? 'moved'}
              onChange={(e) => setReason(e.currentTarget.value)}
              data={Object.entries(vi.events.reasons).map(([value, label]) => ({ value, label }))}
            />
          )}
          <FormMessages failure={failure} />
          <FormButtons saving={saving} submitLabel={title} onCancel={() => onClose(false)} />
        </Stack>
      </form>
    </Modal>
  );
}
