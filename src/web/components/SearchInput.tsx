// A search or filter box: the magnifier, the search keyboard on phones, no browser autofill.
import { TextInput, type TextInputProps } from '@mantine/core';
import { SearchIcon } from './icons';

export function SearchInput(props: TextInputProps) {
  return <TextInput type="search" autoComplete="off" leftSection={<SearchIcon />} {...props} />;
}
