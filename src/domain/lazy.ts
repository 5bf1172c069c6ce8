// A value made on first use, then kept. For the Intl formatters and collators the domain shares with
// the web app: making one loads locale (and time zone) data, milliseconds each on a phone, and at a
// module's top level every one of them was made while the app opened, used or not (decision 039).
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}
