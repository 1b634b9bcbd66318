// What a URL answers right now, the body left unread: a started server's readiness check, and the
// "does something already answer on this port" check before one starts.
export async function httpStatus(url: string): Promise<number | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status;
  } catch {
    return null; // nothing listens there (yet)
  }
}
