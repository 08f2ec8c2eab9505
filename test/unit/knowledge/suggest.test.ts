import { expect } from 'chai';
import { closest, didYouMean } from '../../../bot/knowledge/suggest.js';

describe('suggest: did you mean', () => {
  const ids = ['household_income', 'over_state_pension_age', 'where_do_you_live'];
  const cases: Array<[string, string | undefined]> = [
    ['household_incme', 'household_income'],
    ['Household_Income', 'household_income'],
    ['where_you_live', 'where_do_you_live'],
    ['passport', undefined],
  ];
  for (const [word, expected] of cases) {
    it(`${word} → ${String(expected)}`, () => expect(closest(word, ids)).to.equal(expected));
  }

  it('lists the known names when none is close', () => {
    expect(didYouMean('passport', ids)).to.equal(
      'known: household_income, over_state_pension_age, where_do_you_live',
    );
    expect(didYouMean('passport', [])).to.equal(undefined);
  });
});
