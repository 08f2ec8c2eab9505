/**
 * watchPack on a real folder: a valid edit arrives as a new pack, a broken edit as a refusal with
 * its problems, and a fix after a refusal as a pack again. (Hot reload on a live server is tested
 * with the server.)
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { watchPack, type PackChange } from '../../../bot/knowledge/index.js';
import { copyMinimal, removeDir, TODAY } from './fixture-pack.js';

/** Collects changes and lets a test wait for the next one. */
function recorder() {
  const changes: PackChange[] = [];
  let waiting: ((change: PackChange) => void) | undefined;
  return {
    onChange(change: PackChange) {
      changes.push(change);
      waiting?.(change);
      waiting = undefined;
    },
    next(timeoutMs = 3000): Promise<PackChange> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no change within ${timeoutMs} ms`)), timeoutMs);
        waiting = (change) => {
          clearTimeout(timer);
          resolve(change);
        };
      });
    },
    changes,
  };
}

describe('watchPack', () => {
  let dir: string;
  let stop: () => void = () => {};
  beforeEach(() => {
    dir = copyMinimal();
  });
  afterEach(() => {
    stop();
    removeDir(dir);
  });

  it('hands on a valid edit, refuses a broken one, and recovers when it is fixed', async () => {
    const record = recorder();
    stop = watchPack(dir, (c) => record.onChange(c), { today: TODAY, debounceMs: 50 });
    const file = join(dir, 'messages', 'fr.json');
    const original = readFileSync(file, 'utf8');
    await new Promise((r) => setTimeout(r, 100));

    const started = Date.now();
    writeFileSync(file, original.replace('Bonjour.', 'Bonjour à vous.'));
    const edited = await record.next();
    expect(Date.now() - started, 'live within 2 s').to.be.below(2000);
    expect(edited.pack?.messages.fr?.welcome).to.equal('Bonjour à vous.');

    writeFileSync(file, original.replace('"Bonjour."', '"Bonjour.",'));
    const refused = await record.next();
    expect(refused.pack).to.equal(undefined);
    expect(refused.problems.map((p) => `${p.file}:${p.line} ${p.code}`)).to.deep.equal([
      'messages/fr.json:5 JSON_SYNTAX',
    ]);

    writeFileSync(file, original);
    const fixed = await record.next();
    expect(fixed.pack?.messages.fr?.welcome).to.equal('Bonjour.');
  });

  it('stops watching when asked', async () => {
    const record = recorder();
    stop = watchPack(dir, (c) => record.onChange(c), { today: TODAY, debounceMs: 50 });
    stop();
    writeFileSync(join(dir, 'messages', 'fr.json'), '{');
    await new Promise((r) => setTimeout(r, 300));
    expect(record.changes).to.deep.equal([]);
  });
});
