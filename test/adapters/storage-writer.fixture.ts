// Run by storage.test.ts as a child process: writes as fast as it can until it is killed.
import { LowdbStorage } from '../../adapters/storage/lowdb-storage.js';

const file = process.argv[2];
if (!file) throw new Error('usage: storage-writer.fixture.ts FILE');
const { storage } = await LowdbStorage.open(file);
const padding = 'x'.repeat(50_000);
process.stdout.write('writing\n');
for (let n = 1; ; n += 1) {
  await storage.write({ counter: { n, padding } });
}
