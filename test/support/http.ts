/** Small helpers for HTTP tests driven through light-my-request (no port opened). */
import inject from 'light-my-request';
import type { Express } from 'express';

export interface Reply {
  status: number;
  headers: Record<string, unknown>;
  body: string;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface RequestOptions {
  auth?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export async function call(
  app: Express,
  method: string,
  url: string,
  options: RequestOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth) headers.authorization = `Bearer ${options.auth}`;
  let payload: string | undefined;
  if (options.rawBody !== undefined) payload = options.rawBody;
  else if (options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers['content-type'] ??= 'application/json';
  const response = await inject(app as never, {
    method: method as never,
    url,
    headers,
    ...(payload !== undefined ? { payload } : {}),
    remoteAddress: headers['x-test-address'] ?? '127.0.0.1',
  });
  return {
    status: response.statusCode,
    headers: response.headers,
    body: response.body,
    json: () => JSON.parse(response.body),
  };
}

/** Waits until `check` returns a value, polling; fails with `what` after the time limit. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  ms = 5000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
