/** The kinds of notification channel a project can have. */
export type NotificationChannelType = 'webhook' | 'email' | 'slack' | 'teams';
