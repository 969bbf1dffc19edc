/** One API call from a benchmark to a Solmu server it started: the status, the raw text and the JSON (if any). */
export async function call(url: string, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; text: string; json: any }> {
  const response = await fetch(`${url}/api${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}
