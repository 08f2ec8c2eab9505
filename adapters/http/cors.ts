/**
 * Cross-origin access for the embed: a council page on its own origin loads widget.js from us
 * and then calls our token endpoint and Direct Line. Only the origins in
 * GUICHET_ALLOWED_ORIGINS may (default `*`: any site may embed the chat).
 */
import type { RequestHandler } from 'express';

export function originAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (!origin) return true; // Same-origin requests and non-browser clients send no Origin.
  return allowed.includes('*') || allowed.includes(origin);
}

export function cors(allowed: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origin && originAllowed(origin, allowed)) {
      res.setHeader('Access-Control-Allow-Origin', allowed.includes('*') ? '*' : origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader(
        'Access-Control-Allow-Headers',
        'Authorization, Content-Type, x-ms-bot-agent, x-requested-with',
      );
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    if (req.method === 'OPTIONS') {
      res.status(origin && !originAllowed(origin, allowed) ? 403 : 204).end();
      return;
    }
    next();
  };
}
