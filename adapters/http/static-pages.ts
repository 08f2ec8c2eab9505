/**
 * The pages and scripts Guichet serves itself: the demo page, the embed script, and Web Chat's
 * self-contained bundle from the installed `botframework-webchat` package, so the page works
 * with no internet and loads nothing from a third party.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

/** Our own pages allow scripts from this origin only; Web Chat needs inline styles. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function webChatBundlePath(): string {
  const entry = createRequire(import.meta.url).resolve('botframework-webchat');
  const bundle = path.join(path.dirname(entry), '..', 'dist', 'webchat.js');
  if (!existsSync(bundle)) {
    throw new Error(
      `Web Chat's bundle is missing at ${bundle}: run "npm ci" to install botframework-webchat.`,
    );
  }
  return bundle;
}

export function staticPages(): Router {
  const router = express.Router();
  const bundle = webChatBundlePath();

  router.get('/webchat/webchat.js', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.sendFile(bundle);
  });

  // The embed's script and style run on other sites: loadable (and readable, for tools that
  // inspect stylesheets, such as accessibility checkers) from any origin.
  for (const file of ['widget.js', 'widget.css']) {
    router.get(`/${file}`, (_req, res) => {
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.sendFile(path.join(PUBLIC_DIR, file));
    });
  }

  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  router.use(express.static(PUBLIC_DIR, { index: 'index.html', maxAge: '5m' }));
  return router;
}
