import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { MemoryStorage } from 'botbuilder';
import { LowdbStorage } from '../../adapters/storage/lowdb-storage.js';
import { storageContract } from './storage-contract.js';

const here = path.dirname(fileURLToPath(import.meta.url));

async function freshFile(): Promise<string> {
  return path.join(await mkdtemp(path.join(tmpdir(), 'guichet-store-')), 'state.json');
}

storageContract('MemoryStorage', async () => new MemoryStorage());
storageContract('LowdbStorage', async () => (await LowdbStorage.open(await freshFile())).storage);

describe('LowdbStorage, on disk', () => {
  it('keeps what was written across a reopen', async () => {
    const file = await freshFile();
    const first = (await LowdbStorage.open(file)).storage;
    await first.write({ 'conv/1': { answers: { age: 70 } } });
    await first.flush();
    const second = (await LowdbStorage.open(file)).storage;
    expect((await second.read(['conv/1']))['conv/1'].answers).to.deep.equal({ age: 70 });
  });

  it('forgets items idle for longer than the limit, and keeps the rest', async () => {
    let now = 1_000_000;
    const { storage } = await LowdbStorage.open(await freshFile(), () => now);
    await storage.write({ old: { v: 1 } });
    now += 10_000;
    await storage.write({ recent: { v: 2 } });
    now += 5_000;
    expect(await storage.expireIdle(12_000)).to.equal(1);
    expect(Object.keys(await storage.read(['old', 'recent']))).to.deep.equal(['recent']);
  });

  it('keeps items that say until when to keep them (answers kept with consent) until then, not longer', async () => {
    let now = 1_000_000;
    const { storage } = await LowdbStorage.open(await freshFile(), () => now);
    await storage.write({
      kept: { answers: { age: 70 }, expiresAt: now + 30_000 },
      due: { answers: {}, expiresAt: now + 5_000 },
      idle: { v: 1 },
    });
    now += 20_000;
    expect(await storage.expireIdle(12_000)).to.equal(2);
    expect(Object.keys(await storage.read(['kept', 'due', 'idle']))).to.deep.equal(['kept']);
    now += 10_000;
    expect(await storage.expireIdle(12_000)).to.equal(1);
    expect(await storage.read(['kept'])).to.deep.equal({});
  });

  it('keeps an unreadable file aside instead of losing it, and starts afresh', async () => {
    const file = await freshFile();
    await writeFile(file, '{"version": 1, "items": {');
    const { storage, movedAside } = await LowdbStorage.open(file);
    expect(movedAside).to.be.a('string');
    expect(await readFile(movedAside as string, 'utf8')).to.equal('{"version": 1, "items": {');
    expect(await storage.read(['x'])).to.deep.equal({});
  });

  it('leaves a readable file when the process is killed in the middle of writing', async () => {
    const file = await freshFile();
    const writer = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'storage-writer.fixture.ts'), file],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    // Wait until it has written many times, then kill it without warning.
    await new Promise<void>((resolve, reject) => {
      writer.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('writing')) setTimeout(resolve, 400);
      });
      writer.on('exit', (code) => reject(new Error(`the writer exited early with ${code}`)));
    });
    writer.kill('SIGKILL');
    await new Promise((resolve) => writer.once('exit', resolve));
    const text = await readFile(file, 'utf8');
    const data = JSON.parse(text) as { items: Record<string, { n: number; padding: string }> };
    expect(data.items.counter?.n).to.be.a('number').above(0);
    expect(data.items.counter?.padding).to.have.length(50_000);
    // Only the state file (and perhaps steno's temporary file) are there.
    const files = (await readdir(path.dirname(file))).filter((f) => !f.startsWith('.'));
    expect(files).to.deep.equal(['state.json']);
  });
});
