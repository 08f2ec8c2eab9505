/** knowledge/README.md explains every problem code, with its severity, and no code that does not exist. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_CODES } from '../../../bot/knowledge/index.js';
import { DEFAULT_PACK } from './fixture-pack.js';

describe('knowledge/README.md and the problem codes', () => {
  const readme = readFileSync(join(DEFAULT_PACK, 'README.md'), 'utf8');
  const section = readme.split(/^## Problem codes$/m)[1] ?? '';
  const documented = [...section.matchAll(/^### ([A-Z_]+) \((error|warning)\)$/gm)].map((m) => ({
    code: m[1],
    severity: m[2],
  }));

  it('documents exactly the codes the validator has, in the same order', () => {
    expect(documented.map((d) => d.code)).to.deep.equal(Object.keys(PROBLEM_CODES));
  });

  it('gives each code the severity the validator uses', () => {
    for (const { code, severity } of documented) {
      expect(severity, code).to.equal(PROBLEM_CODES[code as keyof typeof PROBLEM_CODES].severity);
    }
  });
});
