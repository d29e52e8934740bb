/**
 * The associated data each sealed secret is bound to (AES-GCM AAD, see secret-box.ts): a blob
 * copied to another row does not open there. One place, so sealing, opening and `keys rotate`
 * agree.
 */
export const sealedSecretAad = {
  acmeAccountKey: (organizationId: string, directoryUrl: string) => `acme-account:${organizationId}:${directoryUrl}`,
  pendingKey: (certificateId: number) => `pending-key:${certificateId}`,
  dnsProviderSecret: (projectId: string) => `dns-provider:${projectId}`,
  /** The secret of a signed-request access key (Alibaba Cloud CheckCertificate), bound to its public id. */
  accessKeySecret: (accessKeyId: string) => `access-key:${accessKeyId}`,
  /** The sealed URL and signing secret of a notification channel, bound to its id. */
  notificationChannelSecret: (channelId: string) => `notification-channel:${channelId}`,
  /** The secret parts of a deployment target's config (a PKCS#12 password), bound to its id. */
  deploymentTargetSecret: (targetId: number) => `deployment-target:${targetId}`,
};
