import type { LookupFunction } from 'node:net';
import { AddressPolicy } from '../net/address-policy.js';

/**
 * @deprecated The notification service's former name for `AddressPolicy` (src/net/address-policy.ts),
 * which now decides every server-side outbound connection. Kept so that the notification service
 * and its tests compile unchanged; import `AddressPolicy` instead.
 */
export type OutboundGuard = AddressPolicy;

/** @deprecated `new AddressPolicy({ allow })`; this keeps the former constructor (an allow list) and methods. */
export const OutboundGuard = class OutboundGuard extends AddressPolicy {
  constructor(allow: readonly string[] = []) {
    super({ allow });
  }

  /** Whether `address` may be connected to (`refusalOfAddress` says why not). */
  addressAllowed(address: string, _family?: number): boolean {
    return this.refusalOfAddress(address) === null;
  }

  /** `lookup`; the host is read from the lookup's own argument. */
  lookupFor(_host: string): LookupFunction {
    return this.lookup;
  }
};

/** `https://hooks.slack.com/services/T000/B000/XXXX` → `https://hooks.slack.com/…` (the path and query often embed a token). */
export function redactUrl(url: URL): string {
  return `${url.protocol}//${url.host}/…`;
}
