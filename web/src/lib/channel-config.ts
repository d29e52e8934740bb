/**
 * Notification channel types as the API takes them (docs/api.md, "Notification channels and
 * deliveries"): the fields of each type's config, which are secret (written, never shown
 * back), and the config a form's values make, with problems in words before anything is sent.
 */

export type ChannelType = 'webhook' | 'email' | 'slack' | 'teams';

export interface ChannelField {
  name: 'url' | 'secret' | 'to';
  label: string;
  hint: string;
  /** Sent, stored sealed, never returned: a password input. */
  secret: boolean;
  required: boolean;
}

export const CHANNEL_TYPES: { type: ChannelType; label: string; fields: ChannelField[] }[] = [
  {
    type: 'webhook',
    label: 'Webhook',
    fields: [
      { name: 'url', label: 'Webhook URL', hint: 'https://… that receives a signed JSON POST; stored encrypted, shown redacted', secret: false, required: true },
      { name: 'secret', label: 'Signing secret', hint: 'a long random string; signs each request (X-Certkeeper-Signature)', secret: true, required: true },
    ],
  },
  { type: 'email', label: 'Email', fields: [{ name: 'to', label: 'Recipients', hint: 'email addresses, separated by commas', secret: false, required: true }] },
  { type: 'slack', label: 'Slack', fields: [{ name: 'url', label: 'Slack incoming webhook URL', hint: 'https://hooks.slack.com/…; stored encrypted, shown redacted', secret: false, required: true }] },
  { type: 'teams', label: 'Microsoft Teams', fields: [{ name: 'url', label: 'Teams webhook URL', hint: 'the channel connector or workflow URL; stored encrypted, shown redacted', secret: false, required: true }] },
];

export function channelTypeOf(type: string) {
  return CHANNEL_TYPES.find((t) => t.type === type);
}

/** The API's config for a new channel from a form's values, or the first problem in words. */
export function channelConfigOf(type: ChannelType, values: Record<string, string>): { config: Record<string, unknown> } | { problem: string } {
  const spec = channelTypeOf(type);
  if (!spec) return { problem: 'Choose a channel type.' };
  const config: Record<string, unknown> = {};
  for (const f of spec.fields) {
    const v = (values[f.name] ?? '').trim();
    if (!v) return { problem: `${f.label} is required.` };
    if (f.name === 'url') {
      let url: URL;
      try {
        url = new URL(v);
      } catch {
        return { problem: `${f.label} must be a full URL such as https://example.com/hook.` };
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: `${f.label} must start with https:// or http://.` };
      config.url = v;
    } else if (f.name === 'to') {
      const to = v.split(/[,;\s]+/).filter(Boolean);
      const bad = to.find((a) => !/^[^\s@]+@[^\s@]+$/.test(a));
      if (bad) return { problem: `"${bad}" is not an email address.` };
      config.to = to;
    } else {
      config[f.name] = v;
    }
  }
  return { config };
}

/** The words for a delivery's status. */
export function deliveryStatusWords(d: { status: string; attempts: number; maxAttempts: number; nextAttemptAt: string | null }): string {
  if (d.status === 'delivered') return 'Delivered';
  if (d.status === 'failed') return d.nextAttemptAt ? `Failed, will retry (attempt ${d.attempts} of ${d.maxAttempts})` : `Failed (${d.attempts} of ${d.maxAttempts} attempts)`;
  return 'Pending';
}
