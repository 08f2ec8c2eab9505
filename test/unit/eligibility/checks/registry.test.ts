import { expect } from 'chai';
import { NAMED_CHECKS, listNamedChecks } from '../../../../bot/eligibility/checks/index.js';

describe('named checks registry', () => {
  it('lists every check once, by id, sorted', () => {
    expect(listNamedChecks().map((c) => [c.id, c.kind])).to.deep.equal([
      ['accommodation_offset', 'calculation'],
      ['age_on_date', 'calculation'],
      ['band_value', 'calculation'],
      ['pay_covers_rate', 'predicate'],
      ['per_hour', 'calculation'],
      ['state_pension_date', 'calculation'],
      ['sum', 'calculation'],
    ]);
  });
  it('registers each under its own id', () => {
    for (const [id, check] of NAMED_CHECKS) expect(check.id).to.equal(id);
  });
});
