/**
 * One broken fixture per problem code, asserting the validator's exact output; the cases that need
 * huge inputs (a 10 MB file, 10,000 files) are made on the fly instead of stored.
 */
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_CODES, formatProblems, loadPack, type ProblemCode } from '../../../bot/knowledge/index.js';
import {
  brokenFixtures,
  CHECKS,
  copyMinimal,
  expectedOutput,
  packWith,
  removeDir,
  tempDir,
  TODAY,
} from './fixture-pack.js';

/** Codes tested by generated packs below, not by stored fixtures. */
const GENERATED: ProblemCode[] = ['FILE_TOO_LARGE', 'TOO_MANY_FILES', 'FILE_UNREADABLE'];
/** A bug in the loader, not something an editor can write. */
const NOT_FROM_CONTENT: ProblemCode[] = ['INTERNAL'];

function codeOf(fixture: string): string {
  return (fixture.split('--')[0] ?? fixture).toUpperCase().replace(/-/g, '_');
}

describe('kb validate: one broken fixture per problem code', () => {
  for (const fixture of brokenFixtures()) {
    it(`${fixture}`, async () => {
      const dir = packWith(fixture);
      try {
        const result = await loadPack(dir, { today: TODAY, checks: CHECKS });
        expect(formatProblems(result.problems)).to.equal(expectedOutput(fixture));
        expect(
          result.problems.map((p) => p.code),
          'the fixture shows its own code',
        ).to.include(codeOf(fixture));
      } finally {
        removeDir(dir);
      }
    });
  }

  it('has a fixture (or a generated case) for every code', () => {
    const covered = new Set([...brokenFixtures().map(codeOf), ...GENERATED, ...NOT_FROM_CONTENT]);
    const missing = Object.keys(PROBLEM_CODES).filter((code) => !covered.has(code));
    expect(missing, 'codes without a broken fixture').to.deep.equal([]);
    const unknown = brokenFixtures().filter((f) => !(codeOf(f) in PROBLEM_CODES));
    expect(unknown, 'fixtures named after no code').to.deep.equal([]);
  });

  it('a pack with errors gives no pack; warnings alone do not stop it', async () => {
    const broken = packWith('unknown-question');
    const warned = packWith('unused');
    try {
      expect((await loadPack(broken, { today: TODAY })).pack).to.equal(undefined);
      expect((await loadPack(warned, { today: TODAY })).pack).to.not.equal(undefined);
    } finally {
      removeDir(broken);
      removeDir(warned);
    }
  });
});

describe('kb validate: inputs too big to store', () => {
  it('FILE_TOO_LARGE: a 10 MB file is refused by its size, without parsing it', async () => {
    const dir = copyMinimal();
    try {
      writeFileSync(join(dir, 'services', 'huge.json'), Buffer.alloc(10 * 1024 * 1024, 0x20));
      const started = Date.now();
      const result = await loadPack(dir, { today: TODAY });
      expect(formatProblems(result.problems)).to.equal(
        [
          'services/huge.json:1:1 FILE_TOO_LARGE the file is 10.0 MB; the limit is 1 MB',
          '    hint: split it into several files',
          '1 error, 0 warnings',
        ].join('\n'),
      );
      expect(Date.now() - started, 'no hang').to.be.below(5000);
    } finally {
      removeDir(dir);
    }
  });

  it('TOO_MANY_FILES: 10,000 files are refused before any is read', async () => {
    const dir = copyMinimal();
    try {
      mkdirSync(join(dir, 'scenarios'));
      for (let i = 0; i < 10_000; i++) writeFileSync(join(dir, 'scenarios', `case-${i}.json`), '{}');
      const result = await loadPack(dir, { today: TODAY });
      expect(formatProblems(result.problems)).to.equal(
        [
          '.:1:1 TOO_MANY_FILES the pack has more than 2000 files; nothing was loaded',
          '    hint: a pack holds a few hundred files; check that no other folder was copied into it',
          '1 error, 0 warnings',
        ].join('\n'),
      );
    } finally {
      removeDir(dir);
    }
  });

  it('FILE_UNREADABLE: a pack folder that does not exist', async () => {
    const dir = join(tempDir(), 'nowhere');
    const result = await loadPack(dir, { today: TODAY });
    expect(formatProblems(result.problems)).to.equal(
      `.:1:1 FILE_UNREADABLE the pack folder ${dir} does not exist\n1 error, 0 warnings`,
    );
  });
});
