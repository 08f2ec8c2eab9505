/**
 * The contract every Storage implementation keeps (MemoryStorage, the lowdb file, Redis later):
 * one suite, run against each.
 */
import { expect } from 'chai';
import type { Storage } from 'botbuilder';

export function storageContract(name: string, open: () => Promise<Storage>): void {
  describe(`Storage contract: ${name}`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await open();
    });

    it('reads nothing for keys never written', async () => {
      expect(await storage.read(['missing'])).to.deep.equal({});
    });

    it('writes and reads back, giving each item an eTag', async () => {
      await storage.write({ a: { count: 1, nested: { list: [1, 2] } } });
      const { a } = await storage.read(['a']);
      expect(a.count).to.equal(1);
      expect(a.nested).to.deep.equal({ list: [1, 2] });
      expect(a.eTag).to.be.a('string').and.not.empty;
    });

    it('changes the eTag on every write', async () => {
      await storage.write({ a: { v: 1 } });
      const first = (await storage.read(['a'])).a.eTag;
      await storage.write({ a: { v: 2, eTag: first } });
      const second = (await storage.read(['a'])).a.eTag;
      expect(second).to.not.equal(first);
    });

    it('refuses a write with a stale eTag and keeps the stored item', async () => {
      await storage.write({ a: { v: 1 } });
      const stale = (await storage.read(['a'])).a.eTag;
      await storage.write({ a: { v: 2, eTag: stale } });
      let failed = false;
      try {
        await storage.write({ a: { v: 3, eTag: stale } });
      } catch {
        failed = true;
      }
      expect(failed, 'a stale eTag must fail').to.equal(true);
      expect((await storage.read(['a'])).a.v).to.equal(2);
    });

    it('accepts "*" as "write whatever is there"', async () => {
      await storage.write({ a: { v: 1 } });
      await storage.write({ a: { v: 2, eTag: '*' } });
      expect((await storage.read(['a'])).a.v).to.equal(2);
    });

    it('does not let a caller change stored items through the objects it holds', async () => {
      const item = { v: 1 };
      await storage.write({ a: item });
      item.v = 99;
      const read = await storage.read(['a']);
      read.a.v = 42;
      expect((await storage.read(['a'])).a.v).to.equal(1);
    });

    it('reads several keys at once and deletes', async () => {
      await storage.write({ a: { v: 1 }, b: { v: 2 } });
      expect(Object.keys(await storage.read(['a', 'b', 'c'])).sort()).to.deep.equal(['a', 'b']);
      await storage.delete(['a']);
      expect(Object.keys(await storage.read(['a', 'b']))).to.deep.equal(['b']);
    });
  });
}
