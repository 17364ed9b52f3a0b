/**
 * Asking the paper services politely: one request at a time per service, at most as often as the
 * service allows (arXiv asks for one every 3 s), 429/503 retried after `Retry-After`, a timeout, and a
 * service that cannot be reached asked no more in the same run. The transport is the shell's
 * (`requestUrl` in the plugin, Node's fetch in the CLI); waiting is the clock's, so tests run at once.
 */
import { ok, type Problem } from "../result";

export interface HttpRequest {
  url: string;
  method: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  text: string;
}

/** Rejects when the server cannot be reached; any HTTP status resolves. */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

export interface Clock {
  now(): number;
  /** Wait before a request (rate limits, `Retry-After`). */
  sleep(ms: number): Promise<void>;
  /** Resolves after `ms` unless cancelled: the request timeout. */
  timer(ms: number): { done: Promise<void>; cancel(): void };
}

export type Service = "arxiv" | "semanticScholar" | "crossref";

export type FetchCode = "offline" | "timeout" | "rate-limited";
export type FetchProblem = Problem<FetchCode> & { service: Service; host: string };

export interface FetcherOptions {
  timeoutMs: number;
  /** Smallest gap between two requests to one service. */
  intervalMs: Record<Service, number>;
  /** A longer `Retry-After` than this gives up instead of waiting. */
  maxWaitMs: number;
  retries: number;
}

export const DEFAULT_FETCHER_OPTIONS: FetcherOptions = {
  timeoutMs: 20_000,
  // arXiv's terms: no more than one request every three seconds. Semantic Scholar's shared pool
  // answers about one a second without a key; Crossref asks for politeness, not a number.
  intervalMs: { arxiv: 3_000, semanticScholar: 1_100, crossref: 200 },
  maxWaitMs: 60_000,
  retries: 3,
};

export class Fetcher {
  readonly #nextAt = new Map<Service, number>();
  readonly #down = new Map<Service, FetchProblem>();
  /** Requests made, by service (for summaries and tests). */
  readonly counts: Record<Service, number> = { arxiv: 0, semanticScholar: 0, crossref: 0 };

  readonly #transport: Transport;
  readonly #clock: Clock;
  readonly #options: FetcherOptions;

  constructor(transport: Transport, clock: Clock, options: FetcherOptions = DEFAULT_FETCHER_OPTIONS) {
    this.#transport = transport;
    this.#clock = clock;
    this.#options = options;
  }

  async request(
    service: Service,
    request: HttpRequest,
  ): Promise<{ ok: true; value: HttpResponse } | { ok: false; problem: FetchProblem }> {
    const host = hostOf(request.url);
    const known = this.#down.get(service);
    if (known) return { ok: false, problem: known };
    let backoff = 2_000;
    for (let attempt = 0; ; attempt++) {
      const wait = (this.#nextAt.get(service) ?? 0) - this.#clock.now();
      if (wait > 0) await this.#clock.sleep(wait);
      this.#nextAt.set(service, this.#clock.now() + this.#options.intervalMs[service]);
      this.counts[service]++;
      const answer = await this.#once(request);
      if (answer === "offline" || answer === "timeout") {
        const problem: FetchProblem = {
          code: answer,
          service,
          host,
          message:
            answer === "offline"
              ? `Could not reach ${host}: check the connection (offline?) or the API address in the settings.`
              : `${host} did not answer within ${Math.round(this.#options.timeoutMs / 1000)} s.`,
        };
        this.#down.set(service, problem);
        return { ok: false, problem };
      }
      if (answer.status !== 429 && answer.status !== 503) return ok(answer);
      const after = retryAfterMs(answer.headers["retry-after"], this.#clock.now()) ?? backoff;
      backoff *= 2;
      if (attempt >= this.#options.retries || after > this.#options.maxWaitMs) {
        const problem: FetchProblem = {
          code: "rate-limited",
          service,
          host,
          message: `${host} asks to slow down (HTTP ${answer.status}); try again later.`,
        };
        this.#down.set(service, problem);
        return { ok: false, problem };
      }
      this.#nextAt.set(service, this.#clock.now() + after);
    }
  }

  async #once(request: HttpRequest): Promise<HttpResponse | "offline" | "timeout"> {
    const timer = this.#clock.timer(this.#options.timeoutMs);
    try {
      return await Promise.race([
        this.#transport(request).catch(() => "offline" as const),
        timer.done.then(() => "timeout" as const),
      ]);
    } finally {
      timer.cancel();
    }
  }
}

/** `Retry-After`: seconds, or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: number): number | null {
  if (value === undefined || value.trim() === "") return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export function hostOf(url: string): string {
  return /^[a-z]+:\/\/([^/?#]+)/i.exec(url)?.[1] ?? url;
}
