/** Serves a test app on a loopback port (for real clients: directlinejs, a browser). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GuichetApp } from '../../adapters/http/app.js';

export interface Listening {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function listen(guichet: GuichetApp): Promise<Listening> {
  const server = createServer(guichet.app);
  server.on('upgrade', (req, socket, head) => guichet.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    async close() {
      await guichet.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
