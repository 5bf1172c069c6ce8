// A date typed as offices write it (dd/mm/yyyy), read by readDate() in ../format.ts. A plain text
// keyboard: a phone's number pad (inputMode="numeric") has no "/" to type one with.
import { TextInput, type TextInputProps } from '@mantine/core';
import { vi } from '../i18n/vi';

export function DateField({ onValue, ...props }: Omit<TextInputProps, 'onChange'> & { onValue: (text: string) => void }) {
  return <TextInput placeholder={vi.common.datePlaceholder} autoComplete="off" onChange={(e) => onValue(e.currentTarget.value)} {...props} />;
}
