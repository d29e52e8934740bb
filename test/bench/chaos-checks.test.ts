/**
 * The chaos run's verdicts (bench/chaos-checks.ts): what each check lets through and what it
 * reports, so that a run which prints "every target met" means what it says.
 */
import { describe, expect, it } from 'vitest';
import { checkDeliveries, checkImports, checkOrders, checkRenewals, classifyRequests, normalSerial, type Receipt, type RequestRecord } from '../../bench/chaos-checks.js';

const request = (over: Partial<RequestRecord>): RequestRecord => ({ server: 'a', method: 'GET', route: '/x', start: 100, end: 110, status: 200, ...over });
const receipt = (over: Partial<Receipt>): Receipt => ({ channel: 'c', deliveryId: 'd1', headerDeliveryId: 'd1', eventIds: [1], at: 1, answered: 200, signatureOk: true, ...over });

describe('classifyRequests', () => {
  it('lets a 5xx or a missing answer through only while its server or PostgreSQL was down', () => {
    const windows = { servers: { a: [{ from: 100, to: 200 }], b: [] }, postgres: [{ from: 500, to: 600 }] };
    const out = classifyRequests(
      [
        request({ status: 503, start: 150, end: 160 }),
        request({ status: 500, server: 'b', start: 150, end: 160 }),
        request({ status: 502, server: 'b', start: 590, end: 700 }),
        request({ status: null, error: 'ECONNREFUSED', start: 300, end: 301 }),
        request({ status: 404, start: 300, end: 301 }),
      ],
      windows,
    );
    expect(out.serverErrors).toBe(3);
    expect(out.serverErrorsWhileDown).toBe(2);
    expect(out.serverErrorsBy).toEqual({ server: 1, postgres: 1 });
    expect(out.serverErrorsOutside.map((r) => r.server)).toEqual(['b']);
    expect(out.connectionErrorsOutside).toHaveLength(1);
    expect(out.byStatusClass).toEqual({ '5xx': 3, 'no answer': 1, '4xx': 1 });
  });
});

describe('checkRenewals', () => {
  const v = (serial: string, storedAt: number, renewAt: number | null) => ({ serial, storedAt, renewAt });

  it('explains a renewal by the previous version falling due, or by one forced request', () => {
    const out = checkRenewals(
      [{ certificateId: 1, domain: 'a', versions: [v('0A', 0, 1000), v('0b', 1000, 5000), v('0c', 2000, 9000)] }],
      ['a', 'B', 'c'],
      [{ certificateId: 1, sentAt: 1500, endedAt: 2100 }],
    );
    expect(out).toMatchObject({ renewals: 2, scheduled: 1, forced: 1, premature: [], issuedButNotStored: [], storedButNotIssued: [], storedTwice: [] });
  });

  it('reports a renewal ordered twice, or issued by the CA and never stored', () => {
    const out = checkRenewals([{ certificateId: 1, domain: 'a', versions: [v('1', 0, 1000), v('2', 1000, 5000), v('3', 1100, 5100)] }], ['1', '2', '3', '4'], []);
    expect(out.scheduled).toBe(1);
    expect(out.premature.map((p) => p.serial)).toEqual(['3']);
    expect(out.issuedButNotStored).toEqual(['4']);
  });

  it('lets one forced request explain one renewal only', () => {
    const out = checkRenewals([{ certificateId: 1, domain: 'a', versions: [v('1', 0, 9000), v('2', 100, 9100), v('3', 200, 9200)] }], ['1', '2', '3'], [{ certificateId: 1, sentAt: 50, endedAt: 300 }]);
    expect(out.forced).toBe(1);
    expect(out.premature).toHaveLength(1);
  });

  it('spells serials one way', () => {
    expect(normalSerial('00:0A:bc')).toBe('abc');
  });
});

describe('checkOrders', () => {
  it('counts an order neither finalized, refused nor awaited as abandoned', () => {
    expect(checkOrders(['o1', 'o2', 'o3', 'o4'], ['o1'], ['o2'], ['o3'])).toEqual({ created: 4, issued: 1, invalid: 1, open: 1, abandoned: ['o4'] });
  });
});

describe('checkDeliveries', () => {
  const expected = [
    { id: 1, type: 'certificate.expiring', createdAt: 10, channels: ['c'] },
    { id: 2, type: 'certificate.expiring', createdAt: 20, channels: ['c'] },
  ];

  it('allows a delivery received again under its delivery id, not the same event in another delivery', () => {
    const same = checkDeliveries(expected, [receipt({ eventIds: [1, 2] }), receipt({ eventIds: [1, 2], at: 2 })], 100);
    expect(same).toMatchObject({ deliveries: 1, redeliveredSameId: 1, duplicates: [], lost: [] });
    const twice = checkDeliveries(expected, [receipt({ eventIds: [1, 2] }), receipt({ deliveryId: 'd2', headerDeliveryId: 'd2', eventIds: [2], at: 2 })], 100);
    expect(twice.duplicates).toEqual([{ eventId: 2, channel: 'c', deliveryIds: ['d1', 'd2'] }]);
  });

  it('counts only accepted requests; an event never accepted is lost, or pending when recorded after the cut', () => {
    const out = checkDeliveries(expected, [receipt({ eventIds: [1, 2], answered: 503 }), receipt({ deliveryId: 'd2', headerDeliveryId: 'd2', eventIds: [1], at: 2 })], 15);
    expect(out).toMatchObject({ refused: 1, deliveries: 1, pendingAtEnd: 1, lost: [] });
    expect(checkDeliveries(expected, [], 100).lost.map((l) => l.eventId)).toEqual([1, 2]);
  });

  it('flags a bad signature or a header that names another delivery', () => {
    expect(checkDeliveries(expected, [receipt({ signatureOk: false }), receipt({ headerDeliveryId: 'x', eventIds: [2] })], 0).malformed).toBe(2);
  });
});

describe('checkImports', () => {
  it('finds an acknowledged import missing, under another id or fingerprint, and one stored twice', () => {
    const rows = [
      { projectId: 'p', id: 1, fingerprintSha256: 'AA:BB' },
      { projectId: 'p', id: 2, fingerprintSha256: 'cc' },
      { projectId: 'p', id: 3, fingerprintSha256: 'CC' },
    ];
    const out = checkImports(
      [
        { projectId: 'p', id: 1, fingerprintSha256: 'aabb' },
        { projectId: 'p', id: 2, fingerprintSha256: 'dd' },
        { projectId: 'p', id: 9, fingerprintSha256: 'ee' },
      ],
      rows,
    );
    expect(out.lost.map((l) => l.id)).toEqual([2, 9]);
    expect(out.storedTwice).toEqual(['cc']);
  });
});
