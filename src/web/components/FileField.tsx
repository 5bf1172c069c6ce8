// Choosing a file: Mantine's FileInput with the file icon, the input itself named for screen
// readers, and its placeholder (which is the button's own text here) in full text contrast.
import { FileInput, type FileInputProps } from '@mantine/core';
import { FileIcon } from './icons';

type FileFieldProps = Omit<FileInputProps<false>, 'multiple'> & { label: string };

export function FileField({ label, ...props }: FileFieldProps) {
  return (
    <FileInput
      label={label}
      leftSection={<FileIcon />}
      styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
      fileInputProps={{ 'aria-label': label } as React.ComponentProps<'input'>}
      {...props}
    />
  );
}
