// One-time codes (mã dùng một lần): what an administrator hands a person, on paper or by phone, so
// that they sign in once and choose a password. Easy to read aloud and type for elderly people:
// 8 characters from Crockford's base32 alphabet (no I, L, O, U), printed as "ABCD-EFGH"; what is
// typed is read leniently (lower case, spaces, dashes, O for 0, I or L for 1). 32^8 = 2^40 codes.
// No I/O: the random bytes come from the caller.

export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 8;
/** Days a code stays valid after it is issued. */
export const CODE_VALID_DAYS = 7;

/** A code from CODE_LENGTH random bytes (each byte's low 5 bits: 32 divides 256, so no bias). */
export function codeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < CODE_LENGTH) throw new Error(`need ${CODE_LENGTH} random bytes`);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[bytes[i]! & 31];
  return formatCode(code);
}

/** "ABCDEFGH" → "ABCD-EFGH". */
export function formatCode(normalised: string): string {
  return `${normalised.slice(0, 4)}-${normalised.slice(4)}`;
}

/**
 * What a person typed, as the code it means ("abcd efgh", "ABCD-EFGH", "0" typed as "O"), or null
 * when it cannot be a code. The normalised form has no dash.
 */
export function normaliseCode(typed: string): string | null {
  const text = typed
    .toUpperCase()
    .replace(/[\s\-_.]/gu, '')
    .replace(/O/gu, '0')
    .replace(/[IL]/gu, '1');
  if (text.length !== CODE_LENGTH) return null;
  for (const ch of text) if (!CODE_ALPHABET.includes(ch)) return null;
  return text;
}

/** When a code issued at `issuedAt` stops being valid. */
export function codeExpiry(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + CODE_VALID_DAYS * 86_400_000);
}
