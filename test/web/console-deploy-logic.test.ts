/**
 * The pure logic behind the deployments page (web/src/lib/deploy-words.ts): where a target
 * writes, its secrets named, a status's urgency, the form turned into the API's body.
 */
import { describe, expect, it } from 'vitest';
import { agentCommand, deploymentUrgency, secretWords, shortFingerprint, targetInput, targetWhere } from '../../web/src/lib/deploy-words.js';

describe('deployment words', () => {
  it('says where each type of target writes', () => {
    expect(targetWhere('local', { directory: 'nginx/certs' })).toBe('nginx/certs');
    expect(targetWhere('ssh', { host: 'web1.example.test', port: 22, username: 'deploy', directory: '/etc/ssl' })).toBe('deploy@web1.example.test /etc/ssl');
    expect(targetWhere('ssh', { host: '2001:db8::1', port: 2222, username: 'deploy', directory: 'certs' })).toBe('deploy@[2001:db8::1]:2222 certs');
    expect(targetWhere('agent', {})).toBe('agent');
  });

  it('names the secrets stored, never a value', () => {
    expect(secretWords(['privateKey', 'passphrase', 'pkcs12Password', 'other'])).toEqual(['private key set', 'key passphrase set', 'PKCS#12 password set', 'other set']);
  });

  it('gives a failed deployment the critical urgency and a pending one the pending urgency', () => {
    expect(['pending', 'deployed', 'verified', 'failed'].map(deploymentUrgency)).toEqual(['pending', 'ok', 'ok', 'critical']);
    expect(shortFingerprint('ABCDEF0123456789ABCDEF')).toBe('abcdef0123456789…');
    expect(shortFingerprint(null)).toBe('');
    expect(agentCommand('https://ck.example.test', 'ck_x')).toBe('certkeeper agent --server https://ck.example.test --key ck_x --dir /etc/ssl/certkeeper');
  });

  it('turns the form into the body of each type, or says what is missing', () => {
    expect(targetInput('agent', ' edge ', {})).toEqual({ name: 'edge', type: 'agent', config: {} });
    expect(targetInput('local', 'web', {})).toBe('A directory is required.');
    expect(targetInput('local', '', { directory: 'a' })).toBe('A target name is required.');
    expect(targetInput('local', 'web', { directory: ' nginx/certs ', reloadHook: '' })).toEqual({ name: 'web', type: 'local', config: { directory: 'nginx/certs' } });
    const ssh = { host: 'h.example.test', username: 'u', hostKeySha256: 'SHA256:x', directory: 'd', privateKey: 'KEY' };
    expect(targetInput('ssh', 's', { ...ssh, port: '70000' })).toBe('The port is a number from 1 to 65535.');
    expect(targetInput('ssh', 's', { ...ssh, hostKeySha256: '' })).toBe('The host key fingerprint is required (SHA256:…).');
    expect(targetInput('ssh', 's', { ...ssh, port: '2222', reloadCommand: 'sudo systemctl reload nginx' })).toEqual({
      name: 's',
      type: 'ssh',
      config: { host: 'h.example.test', port: 2222, username: 'u', hostKeySha256: 'SHA256:x', privateKey: 'KEY\n', directory: 'd', reloadCommand: 'sudo systemctl reload nginx' },
    });
  });
});
