import { startServer } from '../../server.js';

export async function run(_args: string[]): Promise<number> {
  await startServer({ handleSignals: true });
  // The server keeps the process alive; its signal handlers set the exit code.
  return new Promise<number>(() => {});
}
