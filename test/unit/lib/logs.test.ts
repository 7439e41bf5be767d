import { redact } from '../../../lib/logging';

/** What lib/logging.ts takes out of every log line. */

describe('redact', () => {
  it('replaces a personnummer in every written form, samordningsnummer too', () => {
    for (const pnr of ['199001012384', '19900101-2384', '900101-2384', '900101+2384', '199001612384']) {
      expect(redact(`select * from persons where personnummer = '${pnr}' - failed`)).toBe("select * from persons where personnummer = '[personnummer]' - failed");
    }
  });

  it('keeps numbers that cannot be one: amounts, dates, longer runs, hashes', () => {
    const line = 'amount 9400 on 2026-11-23 id 12345678901234 key 3f2a199001012384bc month 13: 199013012384';
    expect(redact(line)).toBe(line);
  });

  it('replaces bearer tokens and JWTs, but not the words', () => {
    const jwt = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJhbm5hIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    expect(redact(`authorization: Bearer ${jwt}`)).toBe('authorization: Bearer [token]');
    expect(redact(`token ${jwt} refused`)).toBe('token [token] refused');
    expect(redact('Bearer opaque-token-0123456789abcdef')).toBe('Bearer [token]');
    expect(redact('a valid bearer token is required')).toBe('a valid bearer token is required');
  });
});
