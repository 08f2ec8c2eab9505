/**
 * Direct Line 3.0 over HTTP, as in the Bot Framework's own specification
 * (shared/specs/directline-3.0.json), for everything Web Chat and botframework-directlinejs use.
 */
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { Activity, ChannelAccount } from 'botbuilder';
import { HttpError } from '../http/errors.js';
import type { ConversationHistory } from './history.js';
import type { TokenClaims, TokenService } from './tokens.js';
import type { DirectLineBot } from './bot-runner.js';

export const DIRECT_LINE_BASE = '/v3/directline';
export const MAX_BODY = '256kb';

export interface DirectLineDeps {
  tokens: TokenService;
  history: ConversationHistory;
  bot: DirectLineBot;
}

type Access = { kind: 'secret' } | { kind: 'token'; claims: TokenClaims; token: string };

export function directLineRouter({ tokens, history, bot }: DirectLineDeps): Router {
  const router = express.Router();
  router.use(express.json({ limit: MAX_BODY, strict: false, type: () => true }));

  const access = (req: Request): Access => {
    const credential = tokens.authenticate(req.get('authorization'));
    if (credential.kind === 'missing') {
      throw new HttpError(401, 'Unauthorized', 'Send "Authorization: Bearer <secret or token>".');
    }
    if (credential.kind === 'invalid')
      throw new HttpError(403, 'Forbidden', `Not allowed: ${credential.reason}.`);
    return credential;
  };

  /** The secret opens any conversation; a token only its own. */
  const accessTo = (req: Request, conversationId: string): Access => {
    const granted = access(req);
    if (granted.kind === 'token' && granted.claims.conv !== conversationId) {
      throw new HttpError(403, 'Forbidden', 'This token belongs to another conversation.');
    }
    return granted;
  };

  const mustExist = async (conversationId: string): Promise<void> => {
    if (!(await history.exists(conversationId))) {
      throw new HttpError(404, 'NotFound', 'There is no conversation with this id. It may have expired.');
    }
  };

  const streamUrl = (req: Request, conversationId: string, token: string, watermark?: string): string => {
    const scheme = req.protocol === 'https' ? 'wss' : 'ws';
    const query = new URLSearchParams({ t: token });
    if (watermark) query.set('watermark', watermark);
    return `${scheme}://${req.get('host')}${DIRECT_LINE_BASE}/conversations/${encodeURIComponent(conversationId)}/stream?${query}`;
  };

  router.post('/tokens/generate', (req, res) => {
    if (access(req).kind !== 'secret')
      throw new HttpError(403, 'Forbidden', 'Only the secret can generate tokens.');
    const user = userFrom(req.body);
    const conversationId = newConversationId();
    const { token, expiresIn } = tokens.issue(conversationId, user?.id);
    res.json({ conversationId, token, expires_in: expiresIn });
  });

  router.post('/tokens/refresh', (req, res) => {
    const granted = access(req);
    if (granted.kind !== 'token') throw new HttpError(403, 'Forbidden', 'Only a token can be refreshed.');
    const { token, expiresIn } = tokens.issue(granted.claims.conv, granted.claims.user);
    res.json({ conversationId: granted.claims.conv, token, expires_in: expiresIn });
  });

  router.post('/conversations', async (req, res) => {
    const granted = access(req);
    const requestedUser = userFrom(req.body);
    const conversationId = granted.kind === 'token' ? granted.claims.conv : newConversationId();
    const userId = (granted.kind === 'token' ? granted.claims.user : undefined) ?? requestedUser?.id;
    const issued =
      granted.kind === 'token'
        ? { token: granted.token, expiresIn: tokens.remaining(granted.claims) }
        : tokens.issue(conversationId, userId);
    const created = await history.create(conversationId);
    if (created)
      bot.conversationStarted(
        conversationId,
        { id: userId ?? `dl_${randomUUID()}`, name: requestedUser?.name ?? '' },
        localeFrom(req.body),
      );
    res.status(created ? 201 : 200).json({
      conversationId,
      token: issued.token,
      expires_in: issued.expiresIn,
      streamUrl: streamUrl(req, conversationId, issued.token),
      referenceGrammarId: '',
    });
  });

  router.get('/conversations/:conversationId', async (req, res) => {
    const conversationId = req.params.conversationId as string;
    const granted = accessTo(req, conversationId);
    await mustExist(conversationId);
    const issued =
      granted.kind === 'token'
        ? { token: granted.token, expiresIn: tokens.remaining(granted.claims) }
        : tokens.issue(conversationId);
    const watermark = watermarkFrom(req.query.watermark);
    res.json({
      conversationId,
      token: issued.token,
      expires_in: issued.expiresIn,
      streamUrl: streamUrl(req, conversationId, issued.token, watermark > 0 ? String(watermark) : undefined),
      referenceGrammarId: '',
    });
  });

  router.get('/conversations/:conversationId/activities', async (req, res) => {
    const conversationId = req.params.conversationId as string;
    accessTo(req, conversationId);
    await mustExist(conversationId);
    const page = await history.read(conversationId, watermarkFrom(req.query.watermark));
    res.json({ activities: page.activities, watermark: String(page.watermark) });
  });

  router.post('/conversations/:conversationId/activities', async (req: Request, res: Response) => {
    const conversationId = req.params.conversationId as string;
    const granted = accessTo(req, conversationId);
    await mustExist(conversationId);
    const incoming = activityFrom(req.body);
    const claimedUser = granted.kind === 'token' ? granted.claims.user : undefined;
    const id = await bot.receive(conversationId, incoming, claimedUser);
    res.json({ id });
  });

  router.post('/conversations/:conversationId/upload', (req) => {
    accessTo(req, req.params.conversationId as string);
    throw new HttpError(400, 'BadArgument', 'This bot does not accept file uploads.');
  });

  router.get('/session/getsessionid', (req, res) => {
    const granted = access(req);
    res.json({ sessionId: granted.kind === 'token' ? granted.claims.conv : '' });
  });

  return router;
}

function newConversationId(): string {
  return randomUUID().replace(/-/g, '');
}

function watermarkFrom(raw: unknown): number {
  if (typeof raw !== 'string' || raw === '') return 0;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new HttpError(400, 'BadArgument', 'The watermark must be a whole number.');
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function userFrom(body: unknown): ChannelAccount | undefined {
  if (!isObject(body) || !isObject(body.user) || typeof body.user.id !== 'string' || body.user.id === '')
    return undefined;
  return { id: body.user.id, name: typeof body.user.name === 'string' ? body.user.name : '' };
}

function localeFrom(body: unknown): string | undefined {
  return isObject(body) && typeof body.locale === 'string' ? body.locale : undefined;
}

/** Checks the shape of a client's activity; the server sets ids, time and addresses itself. */
function activityFrom(body: unknown): Partial<Activity> {
  if (!isObject(body))
    throw new HttpError(400, 'BadArgument', 'The body must be an activity (a JSON object).');
  if (typeof body.type !== 'string' || body.type === '') {
    throw new HttpError(400, 'MissingProperty', 'The activity must have a "type".');
  }
  if (body.text !== undefined && typeof body.text !== 'string') {
    throw new HttpError(400, 'BadArgument', 'The activity "text" must be a string.');
  }
  if (body.from !== undefined && !isObject(body.from)) {
    throw new HttpError(400, 'BadArgument', 'The activity "from" must be an object.');
  }
  return body as Partial<Activity>;
}
