// Saving a file the server answered with, under the server's own name (its Content-Disposition);
// an error answer becomes the server's Vietnamese message.
import { ApiError } from '../api';
import { vi } from '../i18n/vi';

export function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/iu.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="([^"]+)"/iu.exec(header);
  return plain?.[1] ?? fallback;
}

export async function saveResponse(response: Response, fallback: string): Promise<string> {
  if (!response.ok) {
    const data = (await response.json().catch(() => null)) as { error?: { id?: string; message?: string } } | null;
    throw new ApiError(response.status, data?.error?.id ?? 'unknown', data?.error?.message ?? vi.errors.unknown);
  }
  const name = fileNameOf(response, fallback);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
