// The text of a search box kept in step with the page's address (?q=…): what the user types settles
// after a short pause and then goes into the address (so that the search can be shared or
// reloaded); a q changed from outside (the menu link, the back button) comes back into the box.
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';

export const SEARCH_PAUSE_MS = 300;

/**
 * `q` is the address's search; `toAddress(settled)` writes the settled text back into it (with
 * `replace`, so that typing does not fill the history). Returns the box's text and the settled
 * text to search for.
 */
export function useAddressSearch(q: string, toAddress: (settled: string) => void) {
  const [text, setText] = useState(q);
  const [settled] = useDebouncedValue(text.trim(), SEARCH_PAUSE_MS);
  const inAddress = useRef(q);
  const write = useEffectEvent(toAddress);

  useEffect(() => {
    if (q === inAddress.current) return;
    inAddress.current = q;
    setText(q);
  }, [q]);
  useEffect(() => {
    if (settled === inAddress.current) return;
    inAddress.current = settled;
    write(settled);
  }, [settled]);

  return { text, setText, settled };
}
