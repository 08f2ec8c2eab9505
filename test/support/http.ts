/**
 * Small helpers for HTTP tests on createApp(): the app never listens by itself, so the test
 * serves it on an ephemeral loopback port (one per app, opened on first use) and sends real
 * requests, from a chosen loopback address when a test needs two clients.
 */
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface RequestOptions {
  auth?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** The loopback address to send from (127.0.0.1 unless a test needs another client). */
  from?: string;
}

const ports = new WeakMap<Express, Promise<number>>();

function portOf(app: Express): Promise<number> {
  let port = ports.get(app);
  if (!port) {
    port = new Promise((resolve) => {
      const server = createServer(app);
      // The server must not keep the test process alive on its own.
      server.unref();
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
    ports.set(app, port);
  }
  return port;
}

export async function call(
  app: Express,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth) headers.authorization = `Bearer ${options.auth}`;
  let payload: string | undefined;
  if (options.rawBody !== undefined) payload = options.rawBody;
  else if (options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers['content-type'] ??= 'application/json';
  const port = await portOf(app);
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers,
        localAddress: options.from ?? '127.0.0.1',
        agent: false,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body,
            json: () => JSON.parse(body),
          }),
        );
      },
    );
    sent.on('error', reject);
    sent.end(payload);
  });
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
