import { describe, expect, it } from 'vitest';
import { checkPasswordStrength } from '../../src/secrets/password-policy.js';
import { RECOMMENDED_SCRYPT, ScryptPasswordHasher } from '../../src/secrets/scrypt-password-hasher.js';

const codeOf = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return (err as { code: string }).code;
  }
};

describe('scrypt password hashing', () => {
  it('uses the recommended cost by default, a 16-byte salt, and stores its parameters in the hash', async () => {
    expect(RECOMMENDED_SCRYPT).toEqual({ logN: 17, r: 8, p: 1 });
    const hasher = new ScryptPasswordHasher();
    const hash = await hasher.hash('correct horse battery staple');
    const m = /^\$scrypt\$ln=17,r=8,p=1\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(hash);
    expect(m).not.toBeNull();
    expect(Buffer.from(m![1], 'base64')).toHaveLength(16);
    expect(Buffer.from(m![2], 'base64')).toHaveLength(32);
    expect(await hasher.verify('correct horse battery staple', hash)).toBe(true);
    expect(await hasher.verify('correct horse battery stapler', hash)).toBe(false);
    expect(hasher.needsRehash(hash)).toBe(false);
  });

  it('verifies hashes made with lower parameters and asks for them to be redone; refuses what it cannot read', async () => {
    const cheap = new ScryptPasswordHasher({ logN: 10, r: 8, p: 1 });
    const stronger = new ScryptPasswordHasher({ logN: 11, r: 8, p: 1 });
    const hash = await cheap.hash('ünïcödé pässwörd');
    // The same text, composed or decomposed, is the same password.
    expect(await stronger.verify('ünïcödé pässwörd'.normalize('NFD'), hash)).toBe(true);
    expect(stronger.needsRehash(hash)).toBe(true);
    expect(cheap.needsRehash(await stronger.hash('x'))).toBe(false);
    for (const bad of ['', 'plain', '$scrypt$ln=40,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA', '$argon2id$v=19$m=65536,t=3,p=4$abc$def']) {
      expect(await cheap.verify('plain', bad), bad).toBe(false);
      expect(cheap.needsRehash(bad)).toBe(true);
    }
  });

  it('salts: the same password hashes differently each time', async () => {
    const hasher = new ScryptPasswordHasher({ logN: 10, r: 8, p: 1 });
    expect(await hasher.hash('same password here')).not.toBe(await hasher.hash('same password here'));
  });
});

describe('password strength', () => {
  it.each([
    ['short1', 'password_too_weak'],
    ['elevenchars', 'password_too_weak'],
    ['password1234', 'password_too_weak'],
    ['PASSWORD1234', 'password_too_weak'],
    ['qwertyuiop123', 'password_too_weak'],
    ['alice.smith@example.com', 'password_too_weak'],
    ['alice.smith1', 'ok'],
    ['x'.repeat(1025), 'validation_failed'],
    ['correct horse battery staple', 'ok'],
    ['ключ-от-сейфа-42', 'ok'],
  ])('%s → %s', (password, code) => {
    expect(codeOf(() => checkPasswordStrength(password, { email: 'alice.smith@example.com' }))).toBe(code);
  });

  it('refuses the local part of the email, and counts characters rather than bytes', () => {
    expect(codeOf(() => checkPasswordStrength('alicesmith12', { email: 'AliceSmith12@example.com' }))).toBe('password_too_weak');
    expect(codeOf(() => checkPasswordStrength('🔑🔑🔑🔑🔑🔑', {}))).toBe('password_too_weak');
  });
});
