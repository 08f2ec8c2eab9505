/**
 * Schema problems in the editor's words: a value that matches none of several forms (a rule, an
 * operand, a topic's "starts") gives one message naming the unknown key and its nearest valid one,
 * not one complaint per form.
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, loadPack } from '../../../bot/knowledge/index.js';
import { copyMinimal, removeDir, TODAY } from './fixture-pack.js';

/** Loads the minimal pack after `edit` changed one file; returns the problems as text lines. */
async function problemsAfter(
  file: string,
  edit: (value: Record<string, unknown>) => void,
): Promise<string[]> {
  const dir = copyMinimal();
  try {
    const path = join(dir, file);
    const value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    edit(value);
    writeFileSync(path, JSON.stringify(value, null, 2));
    return (await loadPack(dir, { today: TODAY })).problems.map(formatProblem);
  } finally {
    removeDir(dir);
  }
}

const rule = (r: unknown) => (service: Record<string, unknown>) => {
  service.rule = r;
};
const pensionAge = { question: 'over_state_pension_age' };

describe("schema problems in the editor's words", () => {
  const cases: Array<[string, string, (v: Record<string, unknown>) => void, string[]]> = [
    [
      'a misspelt rule operator',
      'services/fuel_help.json',
      rule({ eqq: [pensionAge, 'yes'] }),
      ['services/fuel_help.json:21:5 SCHEMA unknown property "eqq" in rule\n    hint: did you mean eq?'],
    ],
    [
      'a misspelt operand key',
      'services/fuel_help.json',
      rule({ eq: [{ questoin: 'over_state_pension_age' }, 'yes'] }),
      [
        'services/fuel_help.json:23:9 SCHEMA unknown property "questoin" in rule.eq[0]\n    hint: did you mean question?',
      ],
    ],
    [
      'two operators in one rule',
      'services/fuel_help.json',
      rule({ eq: [pensionAge, 'yes'], ne: [1, 2] }),
      [
        'services/fuel_help.json:20:11 SCHEMA rule has both eq and ne\n    hint: a rule has one operator; put several rules inside all or any',
      ],
    ],
    [
      'an empty rule',
      'services/fuel_help.json',
      rule({}),
      [
        'services/fuel_help.json:20:11 SCHEMA rule must be an object with one of: all, any, not, eq, ne, lt, lte, gt, gte, in, notIn, includes, between, answered, check',
      ],
    ],
    [
      'a comparison with one side',
      'services/fuel_help.json',
      rule({ eq: [pensionAge] }),
      ['services/fuel_help.json:21:11 SCHEMA rule.eq needs at least 2 items'],
    ],
    [
      'an id that is not a string',
      'services/fuel_help.json',
      rule({ eq: [{ question: 5 }, 'yes'] }),
      ['services/fuel_help.json:23:21 SCHEMA rule.eq[0].question must be string, not 5'],
    ],
    [
      'a because without English',
      'services/fuel_help.json',
      rule({ eq: [pensionAge, 'yes'], because: { fr: 'oui' } }),
      [
        'services/fuel_help.json:27:16 MISSING_EN rule.because has no English (en) text\n    hint: every text a citizen reads needs "en"',
      ],
    ],
    [
      'a misspelt question type',
      'questions/household.json',
      (v) => {
        (v.questions as Array<Record<string, unknown>>)[2]!.type = 'yesno';
      },
      [
        'questions/household.json:38:15 SCHEMA questions[2].type is "yesno"; allowed: choice, multi-choice, yes-no, number, money, date, age, country, region, postcode, text\n    hint: did you mean yes-no?',
      ],
    ],
    [
      "a misspelt key in a topic's starts",
      'topics/en.json',
      (v) => {
        (v.topics as Array<Record<string, unknown>>)[1]!.starts = { servce: 'fuel_help' };
      },
      [
        'topics/en.json:24:9 SCHEMA unknown property "servce" in topics[1].starts\n    hint: did you mean service?',
      ],
    ],
    [
      'a date written the wrong way',
      'services/fuel_help.json',
      (v) => {
        v.lastReviewed = '01/06/2026';
      },
      [
        'services/fuel_help.json:58:19 SCHEMA lastReviewed is "01/06/2026", which is not a valid date\n    hint: write dates as YYYY-MM-DD, such as 2025-04-06',
      ],
    ],
  ];
  for (const [name, file, edit, expected] of cases) {
    it(name, async () => expect(await problemsAfter(file, edit)).to.deep.equal(expected));
  }
});
