// Files the user asked for: made here (an export) or fetched from the API (an
// original report, the indicator CSV). Fetched rather than linked so the API
// token goes with the request; saved through a temporary object URL.
import { ApiError, describeHttpError, NETWORK_MESSAGE } from './api.js';
import { withApiToken } from './apiToken.js';

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started from the URL; give it a moment before letting it go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function saveText(text: string, fileName: string, type: string): void {
  saveBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}

/** The file name a response gives in Content-Disposition (filename* first), else `fallback`. */
export function dispositionName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(header) ?? /filename\s*=\s*([^;]+)/i.exec(header);
  return plain ? plain[1].trim() : fallback;
}

/** Fetches an API file as a blob with its name, or throws an ApiError with the server's reason. */
export async function fetchFile(path: string, fallbackName: string, signal?: AbortSignal): Promise<{ blob: Blob; name: string }> {
  let res: Response;
  try {
    res = await fetch(path, { headers: withApiToken(undefined), signal });
  } catch (err) {
    if (err instanceof Error && err.name === 'AbortError') throw err;
    throw new ApiError(NETWORK_MESSAGE);
  }
  if (!res.ok) {
    const { message, code } = describeHttpError(res.status, await res.text().catch(() => ''));
    throw new ApiError(message, { status: res.status, code });
  }
  return { blob: await res.blob(), name: dispositionName(res.headers.get('content-disposition'), fallbackName) };
}

export async function downloadFromApi(path: string, fallbackName: string): Promise<void> {
  const { blob, name } = await fetchFile(path, fallbackName);
  saveBlob(blob, name);
}
