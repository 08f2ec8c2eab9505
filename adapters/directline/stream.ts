/**
 * The WebSocket `streamUrl` of Direct Line 3.0: pushes `{ activities, watermark }` to the client
 * as activities are added to its conversation, starting after the watermark in the URL.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../../bot/logger.js';
import type { ConversationHistory } from './history.js';
import { originAllowed } from '../http/cors.js';
import type { TokenService } from './tokens.js';
import { DIRECT_LINE_BASE } from './router.js';

const STREAM_PATH = new RegExp(`^${DIRECT_LINE_BASE}/conversations/([^/]+)/stream$`);
const PING_MILLISECONDS = 30_000;

export class DirectLineStreams {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

  constructor(
    private readonly tokens: TokenService,
    private readonly history: ConversationHistory,
    private readonly logger: Logger,
    private readonly allowedOrigins: readonly string[] = ['*'],
  ) {}

  /** True when the upgrade request is ours (then it has been answered). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match?.[1]) return false;
    void this.accept(decodeURIComponent(match[1]), url, req, socket, head);
    return true;
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.close(1001, 'Server shutting down');
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async accept(
    conversationId: string,
    url: URL,
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
  ): Promise<void> {
    // Browsers do not apply CORS to WebSockets, so the embed's origin is checked here.
    if (!originAllowed(req.headers.origin, this.allowedOrigins)) return refuse(socket, 403, 'Forbidden');
    const credential = this.tokens.check(url.searchParams.get('t') ?? '');
    const allowed =
      credential.kind === 'secret' ||
      (credential.kind === 'token' && credential.claims.conv === conversationId);
    if (!allowed) return refuse(socket, 403, 'Forbidden');
    if (!(await this.history.exists(conversationId))) return refuse(socket, 404, 'Not Found');
    const watermark = Number(url.searchParams.get('watermark') ?? 0) || 0;
    this.server.handleUpgrade(req, socket, head, (ws) => this.serve(ws, conversationId, watermark));
  }

  private serve(ws: WebSocket, conversationId: string, watermark: number): void {
    let sent = watermark;
    let backlogSent = false;
    const waiting: Array<[unknown, number]> = [];
    const send = (activities: unknown[], at: number): void => {
      if (at <= sent || ws.readyState !== ws.OPEN) return;
      sent = at;
      ws.send(JSON.stringify({ activities, watermark: String(at) }));
    };
    // Subscribe before reading the backlog so nothing added in between is missed; what arrives
    // meanwhile waits until the backlog has gone, so the client sees activities in order.
    const unsubscribe = this.history.subscribe(conversationId, (activity, at) => {
      if (backlogSent) send([activity], at);
      else waiting.push([activity, at]);
    });
    void this.history.read(conversationId, watermark).then(
      (page) => {
        if (page.activities.length > 0) send(page.activities, page.watermark);
        backlogSent = true;
        for (const [activity, at] of waiting) send([activity], at);
      },
      (error: unknown) => {
        this.logger.warn({ err: error, conversationId }, 'could not read the history for a stream');
        ws.close(1011, 'History unavailable');
      },
    );
    const ping = setInterval(() => ws.ping(), PING_MILLISECONDS);
    ping.unref();
    // Clients send empty frames as keep-alives; there is nothing to do with them.
    ws.on('message', () => {});
    ws.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
  }
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
