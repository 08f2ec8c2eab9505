/**
 * What the widget shows around the chat, in the citizen's language: its button labels and
 * status messages come from the pack's `messages/<locale>.json` (keys starting `widget.`), and
 * the languages offered are the pack's locales that have them.
 */
import express, { type Router } from 'express';
import { packLocale, type ContentSource } from '../../bot/content.js';

export const WIDGET_TEXT_KEYS = [
  'widget.title',
  'widget.launcher',
  'widget.close',
  'widget.start_again',
  'widget.leave',
  'widget.print',
  'widget.language',
  'widget.language_name',
  'widget.privacy',
  'widget.offline',
  'widget.reconnecting',
  'widget.online',
  'widget.resumed',
  'widget.expired',
  'widget.failed',
  'widget.new_conversation',
] as const;

export function widgetConfigRouter(content: ContentSource): Router {
  const router = express.Router();

  router.get('/api/widget/config', (req, res) => {
    const live = content.current();
    const locale = packLocale(
      typeof req.query.locale === 'string' ? req.query.locale : undefined,
      live.locales,
    );
    const texts: Record<string, string> = {};
    for (const key of WIDGET_TEXT_KEYS) texts[key.slice('widget.'.length)] = live.message(key, locale);
    const languages = live.locales
      .map((id) => ({ id, name: live.lookup('widget.language_name', id) }))
      .filter((l): l is { id: string; name: string } => typeof l.name === 'string');
    res.setHeader('Cache-Control', 'no-cache');
    res.json({ locale, languages, texts, version: live.version });
  });

  router.get('/privacy', (req, res) => {
    const live = content.current();
    const locale = packLocale(
      typeof req.query.locale === 'string' ? req.query.locale : undefined,
      live.locales,
    );
    res
      .type('html')
      .send(
        privacyPage(locale, live.message('widget.privacy', locale), live.message('privacy_notice', locale)),
      );
  });

  return router;
}

function privacyPage(locale: string, title: string, body: string): string {
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escapeHtml(title)}</title><link rel="stylesheet" href="/page.css" /></head>
<body><main class="page-text"><h1>${escapeHtml(title)}</h1>
${paragraphs}
</main></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
