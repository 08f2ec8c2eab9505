import { expect } from 'chai';
import { TurnQueue } from '../../adapters/turn-queue.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('TurnQueue', () => {
  it('runs the turns of one conversation one at a time, in arrival order', async () => {
    const queue = new TurnQueue();
    const log: string[] = [];
    const turn = (name: string, ms: number) => () =>
      (async () => {
        log.push(`${name} starts`);
        await pause(ms);
        log.push(`${name} ends`);
      })();
    await Promise.all([queue.run('c1', turn('first', 30)), queue.run('c1', turn('second', 1))]);
    expect(log).to.deep.equal(['first starts', 'first ends', 'second starts', 'second ends']);
  });

  it('runs different conversations at the same time', async () => {
    const queue = new TurnQueue();
    const log: string[] = [];
    const turn = (name: string) => async () => {
      log.push(`${name} starts`);
      await pause(20);
      log.push(`${name} ends`);
    };
    await Promise.all([queue.run('a', turn('a')), queue.run('b', turn('b'))]);
    expect(log.slice(0, 2).sort()).to.deep.equal(['a starts', 'b starts']);
  });

  it('keeps going after a failed turn', async () => {
    const queue = new TurnQueue();
    const failed = queue.run('c', async () => {
      throw new Error('boom');
    });
    const next = queue.run('c', async () => 'ran');
    await failed.then(
      () => expect.fail('the failure must reach its caller'),
      (error: Error) => expect(error.message).to.equal('boom'),
    );
    expect(await next).to.equal('ran');
  });

  it('drain() waits for every queued turn', async () => {
    const queue = new TurnQueue();
    let done = 0;
    for (let i = 0; i < 3; i += 1) void queue.run('c', async () => void (await pause(5), (done += 1)));
    await queue.drain();
    expect(done).to.equal(3);
    expect(queue.busy).to.equal(0);
  });
});
