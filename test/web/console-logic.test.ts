/**
 * The console's pure logic (web/src/lib): how times are written, what a status means, the
 * certificate list's view in the URL, and what a role may do.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dateText, daysUntil, exactText, expiryText, relativeTime } from '../../web/src/lib/time.js';
import { now } from '../../web/src/lib/clock.js';
import { statusWord, urgencyOf } from '../../web/src/lib/status.js';
import { apiQueryOf, DEFAULT_VIEW, isFiltered, PAGE_SIZE, searchFromView, viewFromSearch, withFilter } from '../../web/src/lib/filters.js';
import { atLeast, roleIn } from '../../web/src/lib/roles.js';
import { shortName } from '../../web/src/lib/names.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('times', () => {
  afterEach(() => vi.useRealTimers());
  const t0 = new Date('2026-06-01T12:00:00Z');

  it('an expiry reads "in 12 days", the same whole days as the API’s daysLeft (rounded down)', () => {
    vi.useFakeTimers();
    vi.setSystemTime(t0);
    const notAfter = new Date(t0.getTime() + 12 * DAY + 5 * HOUR);
    expect(expiryText(notAfter, now())).toBe('in 12 days');
    expect(daysUntil(notAfter, now())).toBe(12);
    vi.setSystemTime(new Date(t0.getTime() + 6 * HOUR));
    expect(expiryText(notAfter, now())).toBe('in 11 days');
  });

  it.each([
    [1 * DAY, 'in 1 day'],
    [2 * DAY - 1, 'in 1 day'],
    [5 * HOUR, 'in 5 hours'],
    [1 * HOUR, 'in 1 hour'],
    [90_000, 'in 1 minute'],
    [30_000, 'now'],
    [-3 * DAY - HOUR, '3 days ago'],
    [-2 * HOUR, '2 hours ago'],
    [400 * DAY, 'in 400 days'],
  ])('%d ms from now: %s', (offset, text) => {
    expect(relativeTime(new Date(t0.getTime() + offset), t0)).toBe(text);
  });

  it('a past expiry says it expired', () => {
    expect(expiryText(new Date(t0.getTime() - 3 * DAY), t0)).toBe('expired 3 days ago');
    expect(expiryText(new Date(t0.getTime() - 10_000), t0)).toBe('expired now');
    expect(daysUntil(new Date(t0.getTime() - 1), t0)).toBe(-1);
  });

  it('the date in a given zone, the exact instant in UTC', () => {
    const at = new Date('2026-06-13T23:30:00Z');
    expect(dateText(at, 'UTC')).toBe('13 Jun 2026');
    expect(dateText(at, 'Asia/Tokyo')).toBe('14 Jun 2026');
    expect(exactText(at)).toBe('2026-06-13 23:30:00 UTC');
  });
});

describe('status', () => {
  it.each([
    ['expired', -2, 'critical'],
    ['revoked', 200, 'critical'],
    ['failed', null, 'critical'],
    ['issued', 3, 'week'],
    ['issued', 7, 'week'],
    ['issued', 8, 'month'],
    ['issued', 30, 'month'],
    ['issued', 31, 'ok'],
    ['issued', null, 'ok'],
    ['pending_validation', null, 'pending'],
    ['validating', 80, 'pending'],
  ] as const)('%s with %s days left is %s', (status, days, urgency) => {
    expect(urgencyOf(status, days)).toBe(urgency);
  });

  it('every status has a word (colour is never alone)', () => {
    expect(['issued', 'expired', 'revoked', 'failed', 'pending_validation', 'validating'].map(statusWord)).toEqual(['Active', 'Expired', 'Revoked', 'Failed', 'Pending validation', 'Validating']);
    expect(statusWord('something_new')).toBe('something_new');
  });
});

describe('the certificate list view in the URL', () => {
  it('defaults: soonest expiry first, page 1, nothing in the URL', () => {
    expect(viewFromSearch('')).toEqual(DEFAULT_VIEW);
    expect(searchFromView(DEFAULT_VIEW)).toBe('');
    expect(isFiltered(DEFAULT_VIEW)).toBe(false);
  });

  it('every filter the API has round-trips through the URL', () => {
    const search = '?status=Expired&kind=tls&source=imported&search=example&covers=www.example.com&expiringWithinDays=30&sort=domainName&order=desc&page=3';
    const view = viewFromSearch(search);
    expect(view).toEqual({ status: 'Expired', kind: 'tls', source: 'imported', search: 'example', covers: 'www.example.com', expiringWithinDays: 30, sort: 'domainName', order: 'desc', page: 3 });
    expect(viewFromSearch(searchFromView(view))).toEqual(view);
    expect(isFiltered(view)).toBe(true);
  });

  it('the API query carries the filters, the page and the sort', () => {
    expect(apiQueryOf(viewFromSearch('?expiringWithinDays=7&search=a%20b&page=2'))).toEqual({ pageIndex: 2, pageSize: PAGE_SIZE, sort: 'notAfter', order: 'asc', expiringWithinDays: 7, search: 'a b' });
  });

  it('what cannot be read is left out, never sent on', () => {
    expect(viewFromSearch('?expiringWithinDays=1e3&page=0&sort=evil&order=sideways&status=&unknown=1')).toEqual(DEFAULT_VIEW);
    expect(viewFromSearch('?expiringWithinDays=99999999').expiringWithinDays).toBeUndefined();
    expect(viewFromSearch('?page=-1').page).toBe(1);
  });

  it('text with URL syntax stays text', () => {
    const view = withFilter(DEFAULT_VIEW, { search: 'a&b=c#d?e' });
    expect(viewFromSearch(searchFromView(view)).search).toBe('a&b=c#d?e');
  });

  it('changing a filter goes back to page 1; clearing one removes it', () => {
    const view = viewFromSearch('?status=Expired&page=4');
    expect(withFilter(view, { kind: 'apns' })).toEqual({ ...DEFAULT_VIEW, status: 'Expired', kind: 'apns' });
    expect(searchFromView(withFilter(view, { status: undefined }))).toBe('');
    expect(searchFromView(withFilter(view, { status: '' }))).toBe('');
  });
});

describe('roles', () => {
  const org = 'org-1';
  const memberships = [
    { organizationId: org, projectId: 'p-1', role: 'viewer' },
    { organizationId: org, projectId: null, role: 'editor' },
    { organizationId: 'org-2', projectId: 'p-9', role: 'admin' },
  ];

  it('the higher of the organization-wide and the project membership', () => {
    expect(roleIn(memberships, false, org, 'p-1')).toBe('editor');
    expect(roleIn(memberships, false, org, 'p-2')).toBe('editor');
    expect(roleIn(memberships, false, 'org-2', 'p-9')).toBe('admin');
    expect(roleIn(memberships, false, 'org-3', 'p-3')).toBeUndefined();
    expect(roleIn([{ organizationId: org, projectId: 'p-1', role: 'admin' }, ...memberships], false, org, 'p-1')).toBe('admin');
  });

  it('an organization membership does not cover another organization’s projects', () => {
    expect(roleIn(memberships, false, 'org-2', 'p-8')).toBeUndefined();
    expect(roleIn(memberships, false, undefined, 'p-2')).toBeUndefined();
  });

  it('a superuser is an admin everywhere; an unknown role grants nothing', () => {
    expect(roleIn([], true, undefined, 'p-5')).toBe('admin');
    expect(roleIn([{ organizationId: org, projectId: 'p-1', role: 'owner' }], false, org, 'p-1')).toBeUndefined();
  });

  it('atLeast', () => {
    expect(atLeast('editor', 'viewer')).toBe(true);
    expect(atLeast('editor', 'editor')).toBe(true);
    expect(atLeast('editor', 'admin')).toBe(false);
    expect(atLeast(undefined, 'viewer')).toBe(false);
  });
});

describe('names', () => {
  it.each([
    ['CN=R11, O=Let\'s Encrypt, C=US', 'R11'],
    ['O=Example Corp, C=DE', 'Example Corp'],
    ['CN=a\\, b, O=x', 'a, b'],
    ['C=US', 'C=US'],
    ['', ''],
  ])('%s is shown as %s', (dn, short) => {
    expect(shortName(dn)).toBe(short);
  });
});
