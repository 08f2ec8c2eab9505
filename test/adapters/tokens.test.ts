import { expect } from 'chai';
import { TokenService } from '../../adapters/directline/tokens.js';

describe('Direct Line tokens', () => {
  const at = (ms: number) => () => ms;
  const service = new TokenService('s3cret', 1800, at(1_000_000_000_000));

  const cases: Array<[string, string | undefined, string]> = [
    ['no header', undefined, 'missing'],
    ['not Bearer', 'Basic abc', 'missing'],
    ['the secret', 'Bearer s3cret', 'secret'],
    ['another secret', 'Bearer s3cret!', 'invalid'],
    ['garbage', 'Bearer a.b.c', 'invalid'],
  ];
  for (const [what, header, kind] of cases) {
    it(`${what} → ${kind}`, () => {
      expect(service.authenticate(header).kind).to.equal(kind);
    });
  }

  it('a token carries its conversation and user, until it expires', () => {
    const { token } = service.issue('conv1', 'dl_u');
    const checked = service.check(token);
    expect(checked.kind).to.equal('token');
    if (checked.kind === 'token')
      expect([checked.claims.conv, checked.claims.user]).to.deep.equal(['conv1', 'dl_u']);
    const later = new TokenService('s3cret', 1800, at(1_000_000_000_000 + 1800_000));
    expect(later.check(token)).to.deep.equal({ kind: 'invalid', reason: 'the token has expired' });
  });

  it('a token signed under another secret is refused', () => {
    const { token } = new TokenService('other', 1800, at(1_000_000_000_000)).issue('conv1');
    expect(service.check(token).kind).to.equal('invalid');
  });
});
