/**
 * Direct Line tokens: each is bound to one conversation (and optionally one user) and expires.
 *
 * They are JWTs signed with HMAC-SHA256 under a key derived from the Direct Line secret, so
 * any instance that knows the secret can check them without shared state, and so
 * `botframework-directlinejs` can read the `user` claim the way it does with Azure's tokens.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  /** The conversation the token opens. */
  conv: string;
  /** The user id embedded in the token, if any (clients may not send as anyone else). */
  user?: string;
  iat: number;
  exp: number;
}

export type Credential =
  | { kind: 'secret' }
  | { kind: 'token'; claims: TokenClaims; token: string }
  | { kind: 'missing' }
  | { kind: 'invalid'; reason: string };

export interface IssuedToken {
  token: string;
  expiresIn: number;
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export class TokenService {
  private readonly key: Buffer;

  constructor(
    private readonly secret: string,
    private readonly lifetimeSeconds = 1800,
    private readonly now: () => number = Date.now,
  ) {
    this.key = createHmac('sha256', secret).update('guichet/directline-token/v1').digest();
  }

  issue(conversationId: string, userId?: string): IssuedToken {
    const iat = Math.floor(this.now() / 1000);
    const claims: TokenClaims = { conv: conversationId, iat, exp: iat + this.lifetimeSeconds };
    if (userId) claims.user = userId;
    const body = `${HEADER}.${base64url(JSON.stringify(claims))}`;
    return { token: `${body}.${this.sign(body)}`, expiresIn: this.lifetimeSeconds };
  }

  /** Seconds the token has left, never negative. */
  remaining(claims: TokenClaims): number {
    return Math.max(0, claims.exp - Math.floor(this.now() / 1000));
  }

  /** Reads an `Authorization` header value: the secret, a valid token, or why not. */
  authenticate(header: string | undefined): Credential {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!match?.[1]) return { kind: 'missing' };
    return this.check(match[1]);
  }

  check(presented: string): Credential {
    if (sameText(presented, this.secret)) return { kind: 'secret' };
    const parts = presented.split('.');
    if (parts.length !== 3) return { kind: 'invalid', reason: 'not a Direct Line token' };
    const [header, payload, signature] = parts as [string, string, string];
    if (!sameText(signature, this.sign(`${header}.${payload}`))) {
      return { kind: 'invalid', reason: 'the token signature does not match' };
    }
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return { kind: 'invalid', reason: 'the token cannot be read' };
    }
    if (typeof claims.conv !== 'string' || typeof claims.exp !== 'number') {
      return { kind: 'invalid', reason: 'the token cannot be read' };
    }
    if (claims.exp * 1000 <= this.now()) return { kind: 'invalid', reason: 'the token has expired' };
    return { kind: 'token', claims, token: presented };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** Compares in constant time so a caller cannot learn the secret one character at a time. */
function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
