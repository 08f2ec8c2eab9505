// A screening's values as citizens read them, and service texts with them filled in.
import { expect } from 'chai';
import { messagesContent } from '../../bot/content.js';
import type { KnowledgePack } from '../../bot/knowledge/index.js';
import { fillValues, formatValue } from '../../dialogs/render/values.js';

const messages = {
  en: {
    money_amount: '£{amount}',
    yes: 'Yes',
    no: 'No',
    period_years_one: '{n} year',
    period_years_other: '{n} years',
    period_months_one: '{n} month',
    period_months_other: '{n} months',
    period_days_one: '{n} day',
    period_days_other: '{n} days',
  },
};
const content = messagesContent('test', messages, 5000);
const pack = (formats?: Record<string, string>) =>
  ({
    settings: {
      locales: ['en'],
      nlu: { acceptThreshold: 0.7, confirmThreshold: 0.3 },
      ...(formats && { formats }),
    },
  }) as unknown as KnowledgePack;

describe('formatValue', () => {
  const cases: [
    string,
    Record<string, string> | undefined,
    string | undefined,
    unknown,
    string | undefined,
  ][] = [
    ['a date in en-GB', { en: 'en-GB' }, 'date', '2031-09-06', '6 September 2031'],
    ['a date in en (US order)', undefined, 'date', '2031-09-06', 'September 6, 2031'],
    ['money', { en: 'en-GB' }, 'money', 187.4, '£187.40'],
    ['money, thousands', { en: 'en-GB' }, 'money', 1234.5, '£1,234.50'],
    ['a number', undefined, 'number', 37.5, '37.5'],
    ['yes-no', undefined, 'yes-no', false, 'No'],
    ['a period', undefined, 'period', { years: 66, months: 1, days: 0 }, '66 years, 1 month'],
    [
      'a period with days',
      undefined,
      'period',
      { years: 61, months: 1, days: 2 },
      '61 years, 1 month, 2 days',
    ],
    ['a period of one year', undefined, 'period', { years: 1, months: 0, days: 1 }, '1 year, 1 day'],
    [
      'the format guessed from the value',
      undefined,
      undefined,
      { years: 68, months: 0, days: 0 },
      '68 years',
    ],
    ['a value that is not a date', undefined, 'date', 12, undefined],
  ];
  for (const [what, formats, format, value, expected] of cases) {
    it(`${what}: ${expected}`, () =>
      expect(
        formatValue(
          pack(formats),
          format ? { format: format as 'date' } : {},
          value as string,
          'en',
          content,
        ),
      ).to.equal(expected));
  }
});

describe('fillValues', () => {
  const defined = ['spd', 'age', 'pc_date'];
  const cases: [string, Record<string, string>, string][] = [
    [
      'every value known',
      { spd: '6 May 2031', age: '66 years' },
      'You reach it on 6 May 2031. You will be 66 years old.',
    ],
    ['a sentence with an unknown value is left out', { spd: '6 May 2031' }, 'You reach it on 6 May 2031.'],
    ['nothing known: only sentences without values', {}, ''],
  ];
  for (const [what, values, expected] of cases) {
    it(what, () =>
      expect(fillValues('You reach it on {spd}. You will be {age} old.', values, defined)).to.equal(expected),
    );
  }
  it('keeps braces that name no value of the screening', () =>
    expect(fillValues('Call {service} today.', {}, defined)).to.equal('Call {service} today.'));
});

describe('a yes/no value with its own sentences', () => {
  const says = { yes: { en: 'You might be underpaid.' } };
  it('shows the sentence for yes, and nothing for a side it has none for', () => {
    expect(formatValue(pack(), { format: 'yes-no', says }, true, 'en', content)).to.equal(
      'You might be underpaid.',
    );
    expect(formatValue(pack(), { format: 'yes-no', says }, false, 'en', content)).to.equal('');
  });
  it('leaves no gap where it shows nothing', () =>
    expect(fillValues('Your pay is fine. {under}', { under: '' }, ['under'])).to.equal('Your pay is fine.'));
});
