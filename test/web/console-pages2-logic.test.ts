/**
 * The pure logic behind the notifications, settings, audit log and sign-in pages
 * (web/src/lib): the audit view in the URL, local date-time fields, the lock in words, channel
 * configs and settings values read with their problems in words.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_PAGE_SIZE, auditApiQuery, auditViewFromSearch, eventTypeWords, instantOfLocalInput, isAuditFiltered, localInputOf, searchFromAuditView } from '../../web/src/lib/audit-view.js';
import { lockoutText, retryAfterSeconds } from '../../web/src/lib/sign-in-lock.js';
import { CHANNEL_TYPES, channelConfigOf, deliveryStatusWords } from '../../web/src/lib/channel-config.js';
import { parseAcmeDirectoryUrl, parseContactEmail, parseLifetimeFractions, parseRenewBeforeDays, parseThresholdDays } from '../../web/src/lib/settings-form.js';

describe('the audit view in the URL', () => {
  it('reads filters, window and page, and writes them back in a stable order', () => {
    const view = auditViewFromSearch('?page=3&until=2026-06-02T00:00:00.000Z&since=2026-06-01T00:00:00Z&objectId=12&objectType=certificate&type=certificate.updated');
    expect(view).toEqual({ type: 'certificate.updated', objectType: 'certificate', objectId: '12', since: '2026-06-01T00:00:00.000Z', until: '2026-06-02T00:00:00.000Z', page: 3 });
    expect(searchFromAuditView(view)).toBe('?type=certificate.updated&objectType=certificate&objectId=12&since=2026-06-01T00%3A00%3A00.000Z&until=2026-06-02T00%3A00%3A00.000Z&page=3');
    expect(auditViewFromSearch(searchFromAuditView(view))).toEqual(view);
    expect(searchFromAuditView({ page: 1 })).toBe('');
    expect(isAuditFiltered({ page: 4 })).toBe(false);
    expect(isAuditFiltered(view)).toBe(true);
  });

  it('leaves out what the API would refuse: half an object filter, unreadable instants, a window ending before it starts, page 0', () => {
    expect(auditViewFromSearch('?objectType=certificate')).toEqual({ page: 1 });
    expect(auditViewFromSearch('?objectId=1')).toEqual({ page: 1 });
    expect(auditViewFromSearch('?since=yesterday&until=2026-13-45T00:00:00Z&page=0')).toEqual({ page: 1 });
    expect(auditViewFromSearch('?since=2026-06-02T00:00:00Z&until=2026-06-01T00:00:00Z')).toEqual({ since: '2026-06-02T00:00:00.000Z', page: 1 });
    expect(auditViewFromSearch('?page=-2&type=%20%20')).toEqual({ page: 1 });
  });

  it('the API query: the page size, the window, the object filter for a project only', () => {
    const view = { type: 'auth.signed_in', objectType: 'user', objectId: 'u1', since: '2026-06-01T00:00:00.000Z', page: 2 };
    expect(auditApiQuery(view, 'project')).toEqual({ pageIndex: 2, pageSize: AUDIT_PAGE_SIZE, type: 'auth.signed_in', objectType: 'user', objectId: 'u1', since: '2026-06-01T00:00:00.000Z' });
    expect(auditApiQuery(view, 'deployment')).toEqual({ pageIndex: 2, pageSize: AUDIT_PAGE_SIZE, type: 'auth.signed_in', since: '2026-06-01T00:00:00.000Z' });
  });

  it('date-time fields are local: an instant shown in the browser\'s offset and read back the same', () => {
    expect(localInputOf('2026-06-01T12:30:00.000Z', 120)).toBe('2026-06-01T14:30');
    expect(instantOfLocalInput('2026-06-01T14:30', 120)).toBe('2026-06-01T12:30:00.000Z');
    expect(instantOfLocalInput('2026-06-01T00:15', -300)).toBe('2026-06-01T05:15:00.000Z');
    expect(instantOfLocalInput(localInputOf('2026-12-31T23:59:00.000Z', 0), 0)).toBe('2026-12-31T23:59:00.000Z');
    expect(localInputOf(undefined, 0)).toBe('');
    expect(instantOfLocalInput('', 0)).toBeUndefined();
    expect(instantOfLocalInput('2026-02-31Tnope', 0)).toBeUndefined();
  });

  it('event types in words', () => {
    expect(eventTypeWords('api_key.created')).toBe('API key created');
    expect(eventTypeWords('auth.sign_in_failed')).toBe('Account sign in failed');
    expect(eventTypeWords('certificate.renewal_failed')).toBe('Certificate renewal failed');
    expect(eventTypeWords('odd')).toBe('Odd');
  });
});

describe('the sign-in lock in words', () => {
  it('says how long, rounded up to what a person reads', () => {
    expect(lockoutText(120)).toBe('Too many failed attempts. Try again in 2 minutes.');
    expect(lockoutText(60)).toBe('Too many failed attempts. Try again in 1 minute.');
    expect(lockoutText(61)).toBe('Too many failed attempts. Try again in 2 minutes.');
    expect(lockoutText(1)).toBe('Too many failed attempts. Try again in 1 second.');
    expect(lockoutText(45)).toBe('Too many failed attempts. Try again in 45 seconds.');
    expect(lockoutText(4 * 3600)).toBe('Too many failed attempts. Try again in 4 hours.');
    expect(lockoutText(undefined)).toBe('Too many failed attempts. Try again in a few minutes.');
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Mon, 01 Jun 2026 00:03:00 GMT', now)).toBe(180);
    expect(retryAfterSeconds('Sun, 31 May 2026 00:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds(null, now)).toBeUndefined();
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
  });
});

describe('notification channel forms', () => {
  it('every type the API has, with its config fields labelled; the webhook secret is a password field', () => {
    expect(CHANNEL_TYPES.map((t) => t.type)).toEqual(['webhook', 'email', 'slack', 'teams']);
    const webhook = CHANNEL_TYPES[0].fields;
    expect(webhook.map((f) => [f.name, f.secret])).toEqual([
      ['url', false],
      ['secret', true],
    ]);
    for (const t of CHANNEL_TYPES) for (const f of t.fields) expect(f.label).not.toBe('');
  });

  it('builds the API config, or says the first problem', () => {
    expect(channelConfigOf('webhook', { url: ' http://127.0.0.1:9/hook ', secret: 's3cret-s3cret' })).toEqual({ config: { url: 'http://127.0.0.1:9/hook', secret: 's3cret-s3cret' } });
    expect(channelConfigOf('webhook', { url: 'https://x.example' })).toEqual({ problem: 'Signing secret is required.' });
    expect(channelConfigOf('slack', { url: 'not a url' })).toEqual({ problem: 'Slack incoming webhook URL must be a full URL such as https://example.com/hook.' });
    expect(channelConfigOf('teams', { url: 'ftp://x.example/' })).toEqual({ problem: 'Teams webhook URL must start with https:// or http://.' });
    expect(channelConfigOf('email', { to: 'a@example.com, b@example.com;c@example.com' })).toEqual({ config: { to: ['a@example.com', 'b@example.com', 'c@example.com'] } });
    expect(channelConfigOf('email', { to: 'a@example.com, nobody' })).toEqual({ problem: '"nobody" is not an email address.' });
  });

  it('a delivery\'s status in words', () => {
    expect(deliveryStatusWords({ status: 'delivered', attempts: 1, maxAttempts: 8, nextAttemptAt: null })).toBe('Delivered');
    expect(deliveryStatusWords({ status: 'failed', attempts: 2, maxAttempts: 8, nextAttemptAt: '2026-06-01T00:00:30Z' })).toBe('Failed, will retry (attempt 2 of 8)');
    expect(deliveryStatusWords({ status: 'failed', attempts: 1, maxAttempts: 1, nextAttemptAt: null })).toBe('Failed (1 of 1 attempts)');
    expect(deliveryStatusWords({ status: 'pending', attempts: 0, maxAttempts: 8, nextAttemptAt: null })).toBe('Pending');
  });
});

describe('settings values', () => {
  it('renew before: empty clears, 1–365 whole days', () => {
    expect(parseRenewBeforeDays(' 30 ')).toEqual({ value: 30 });
    expect(parseRenewBeforeDays('')).toEqual({ value: null });
    expect(parseRenewBeforeDays('400')).toEqual({ problem: 'Renew before must be between 1 and 365 days.' });
    expect(parseRenewBeforeDays('0')).toEqual({ problem: 'Renew before must be between 1 and 365 days.' });
    expect(parseRenewBeforeDays('2.5')).toEqual({ problem: 'Renew before must be a whole number of days, such as 30.' });
  });

  it('thresholds: whole days, deduplicated, largest first; fractions strictly between 0 and 1', () => {
    expect(parseThresholdDays('7, 30 14;7')).toEqual({ value: [30, 14, 7] });
    expect(parseThresholdDays('')).toEqual({ value: [] });
    expect(parseThresholdDays('30, x')).toEqual({ problem: 'Thresholds must be whole numbers of days: "x" is not one.' });
    expect(parseThresholdDays('0')).toEqual({ problem: 'Thresholds must be between 1 and 3650 days: 0 is not.' });
    expect(parseThresholdDays(Array.from({ length: 13 }, (_, i) => i + 1).join(','))).toEqual({ problem: 'At most 12 thresholds.' });
    expect(parseLifetimeFractions('0.1, .33')).toEqual({ value: [0.33, 0.1] });
    expect(parseLifetimeFractions('1')).toEqual({ problem: 'Lifetime fractions must be between 0 and 1, such as 0.25: "1" is not.' });
    expect(parseLifetimeFractions('-0.2')).toEqual({ problem: 'Lifetime fractions must be between 0 and 1, such as 0.25: "-0.2" is not.' });
  });

  it('the organization\'s ACME directory is an https URL, its contact an email; empty clears', () => {
    expect(parseAcmeDirectoryUrl('https://acme.example.net/directory')).toEqual({ value: 'https://acme.example.net/directory' });
    expect(parseAcmeDirectoryUrl('')).toEqual({ value: null });
    expect(parseAcmeDirectoryUrl('http://acme.example.net/directory')).toEqual({ problem: 'The ACME directory must be an https:// URL.' });
    expect(parseAcmeDirectoryUrl('acme')).toEqual({ problem: 'The ACME directory must be a full URL such as https://acme.example.net/directory.' });
    expect(parseContactEmail('pki@example.com')).toEqual({ value: 'pki@example.com' });
    expect(parseContactEmail('pki')).toEqual({ problem: 'The ACME contact must be an email address.' });
  });
});
