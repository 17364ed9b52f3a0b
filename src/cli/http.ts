/** The paper services from Node: its fetch as the core's transport, real timers as its clock. */
import type { Clock, HttpRequest, HttpResponse, Transport } from "../core/papers/http";

/** `timeoutMs`: the core's timeout, after which the request itself is aborted too (so no socket keeps the process alive). */
export const nodeTransport =
  (timeoutMs: number): Transport =>
  async (request: HttpRequest): Promise<HttpResponse> => {
    const response = await fetch(request.url, {
      method: request.method,
      headers: { "user-agent": "study-session-notes (session-notes CLI)", ...request.headers },
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs + 1000),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    return { status: response.status, headers, text: await response.text() };
  };

export const nodeClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => globalThis.setTimeout(resolve, ms)),
  timer: (ms) => {
    let handle: NodeJS.Timeout | undefined;
    const done = new Promise<void>((resolve) => (handle = globalThis.setTimeout(resolve, ms)));
    return { done, cancel: () => globalThis.clearTimeout(handle) };
  },
};
