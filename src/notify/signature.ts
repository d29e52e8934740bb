import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Certkeeper-Signature';
export const TIMESTAMP_HEADER = 'X-Certkeeper-Timestamp';

/** HMAC-SHA256, hex, keyed with the channel secret, over `TIMESTAMP.BODY` (timestamp in Unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** What a receiver does: recompute and compare in constant time, and refuse a stale timestamp. */
export function verifyWebhook(secret: string, timestampHeader: string, body: string, signatureHeader: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const timestamp = Number(timestampHeader);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body), 'hex');
  const given = Buffer.from(signatureHeader, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
