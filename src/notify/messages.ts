/**
 * What a notification says, rendered for each channel type from the stored payload: the same
 * payload renders the same message at every attempt.
 */
import type { NotificationPayload } from '../ports/channel.js';

/** The one-line subject of a message. */
export function subjectOf(p: NotificationPayload): string {
  if (p.kind === 'test') return `[certkeeper] Test notification for project ${p.projectName}`;
  if (p.kind === 'digest') return `[certkeeper] ${p.items.length} certificate notification${p.items.length === 1 ? '' : 's'} for project ${p.projectName}`;
  return `[certkeeper] ${p.items[0]?.title ?? 'notification'}`;
}

function lines(p: NotificationPayload): string[] {
  if (p.kind === 'test') return ['This is a test message from certkeeper: the channel works.'];
  return p.items.map((i) => `${i.title} (${i.type})`);
}

export function textOf(p: NotificationPayload): string {
  return [subjectOf(p).replace(/^\[certkeeper\] /, ''), '', ...lines(p).map((l) => `- ${l}`), '', `Project: ${p.projectName} (${p.projectId})`, ''].join('\n');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function htmlOf(p: NotificationPayload): string {
  const items = lines(p).map((l) => `<li>${escapeHtml(l)}</li>`).join('');
  return `<!doctype html><html><body><h2>${escapeHtml(subjectOf(p).replace(/^\[certkeeper\] /, ''))}</h2><ul>${items}</ul><p>Project: ${escapeHtml(p.projectName)} (${escapeHtml(p.projectId)})</p></body></html>`;
}

/** The webhook's JSON body: the event(s), as the receiver parses them. */
export function webhookBodyOf(p: NotificationPayload, deliveryId: string): Record<string, unknown> {
  return { deliveryId, kind: p.kind, project: { id: p.projectId, name: p.projectName }, events: p.items };
}

const escapeSlack = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Slack incoming webhook: `text` (the fallback, shown in notifications) and Block Kit `blocks`. */
export function slackBodyOf(p: NotificationPayload): Record<string, unknown> {
  const heading = subjectOf(p).replace(/^\[certkeeper\] /, '');
  return {
    text: escapeSlack(heading),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: heading.slice(0, 150), emoji: false } },
      { type: 'section', text: { type: 'mrkdwn', text: lines(p).map((l) => `• ${escapeSlack(l)}`).join('\n').slice(0, 3000) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Project ${escapeSlack(p.projectName)}` }] },
    ],
  };
}

/** Microsoft Teams incoming webhook (Workflows): a message with one Adaptive Card attachment. */
export function teamsBodyOf(p: NotificationPayload): Record<string, unknown> {
  const heading = subjectOf(p).replace(/^\[certkeeper\] /, '');
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: heading, weight: 'Bolder', size: 'Medium', wrap: true },
            ...lines(p).map((l) => ({ type: 'TextBlock', text: `- ${l}`, wrap: true })),
            { type: 'TextBlock', text: `Project ${p.projectName}`, isSubtle: true, wrap: true },
          ],
        },
      },
    ],
  };
}
