import type { NotificationService } from '../services/notification-service.js';
import type { Job } from './job.js';

/**
 * Notifications: sends the notifiable events that no sweep sent at once (revocations, renewal
 * failures, push rejections, endpoint findings), then retries failed deliveries whose backoff
 * has passed. Cursors and deliveries are leased, so one server sends each.
 */
export function notificationJob(notifier: NotificationService, intervalMs: number): Job {
  return {
    name: 'notifications',
    everyMs: intervalMs,
    firstAfterMs: intervalMs,
    run: async () => {
      const { events, attempted, failed } = await notifier.workerPass();
      return { processed: events + attempted, failed };
    },
  };
}
