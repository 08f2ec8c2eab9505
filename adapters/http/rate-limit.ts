/**
 * A per-client-address limit for endpoints a browser calls without credentials (the token
 * endpoint): a fixed one-minute window, kept in memory, answering 429 with Retry-After.
 */
import type { RequestHandler } from 'express';
import { sendError } from './errors.js';

export function perAddressLimit(perMinute: number, now: () => number = Date.now): RequestHandler {
  const windows = new Map<string, { start: number; count: number }>();
  return (req, res, next) => {
    const time = now();
    // Forget finished windows so the map cannot grow without bound.
    if (windows.size > 10_000) {
      for (const [address, window] of windows) if (time - window.start >= 60_000) windows.delete(address);
    }
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    let window = windows.get(address);
    if (!window || time - window.start >= 60_000) {
      window = { start: time, count: 0 };
      windows.set(address, window);
    }
    window.count += 1;
    if (window.count > perMinute) {
      res.setHeader('Retry-After', String(Math.ceil((window.start + 60_000 - time) / 1000)));
      return sendError(res, 429, 'TooManyRequests', 'Too many requests. Please wait a minute and try again.');
    }
    next();
  };
}
