/**
 * The one application error type. Services and adapters throw it with a stable `code`;
 * each API maps codes to HTTP statuses through its own table (see `api/error-map.ts`).
 * Every code is listed, with its meaning, in `docs/errors.md` (a test checks it).
 */
export const errorCodes = [
  'validation_failed',
  'sso_not_configured',
  'sso_failed',
  'body_too_large',
  'unsupported_media_type',
  'malformed_json',
  'unauthorized',
  'forbidden',
  'route_not_found',
  'organization_not_found',
  'organization_disabled',
  'project_not_found',
  'certificate_not_found',
  'api_key_not_found',
  'access_key_not_found',
  'certificate_missing',
  'certificate_invalid',
  'too_many_certificates',
  'private_key_in_certificate_field',
  'private_key_invalid',
  'private_key_encrypted',
  'unsupported_key_type',
  'key_mismatch',
  'chain_invalid',
  'pkcs12_invalid',
  'pkcs12_bad_password',
  'pkcs12_no_certificate',
  'pkcs12_iteration_budget_exceeded',
  'export_no_private_key',
  'invalid_scope',
  'invalid_cursor',
  'bootstrap_token_too_short',
  'master_key_invalid',
  'config_invalid',
  'acme_validation_failed',
  'acme_error',
  'acme_unavailable',
  'acme_directory_forbidden',
  'dns_update_failed',
  'challenge_hook_failed',
  'dns_provider_invalid',
  'dns_provider_address_forbidden',
  'certificate_not_managed',
  'certificate_state_conflict',
  'service_not_found',
  'domain_not_found',
  'domain_already_exists',
  'certificate_does_not_cover',
  'app_not_found',
  'app_already_exists',
  'app_not_ios',
  'app_certificate_not_apns',
  'app_certificate_wrong_environment',
  'app_certificate_topic_mismatch',
  'app_binding_not_found',
  'push_result_invalid',
  'push_certificate_not_bound',
  'push_certificate_ambiguous',
  'push_check_no_private_key',
  'apns_unavailable',
  'revocation_issuer_unknown',
  'revocation_source_unknown',
  'sweep_in_progress',
  'endpoint_not_found',
  'endpoint_already_exists',
  'probe_address_refused',
  'notification_channel_not_found',
  'notification_not_found',
  'notification_type_unknown',
  'notification_config_invalid',
  'notification_url_invalid',
  'notification_url_forbidden',
  'smtp_not_configured',
  'deploy_root_not_configured',
  'deploy_hooks_not_configured',
  'deployment_target_not_found',
  'deployment_target_already_exists',
  'deployment_target_in_use',
  'deployment_target_type_unknown',
  'deployment_config_invalid',
  'deployment_path_invalid',
  'deployment_hook_invalid',
  'deployment_not_found',
  'deployment_already_exists',
  'deployment_no_private_key',
  'deployment_write_failed',
  'deploy_hook_failed',
  'deployment_key_forbidden',
  'deployment_key_required',
  'deployment_target_not_agent',
  'agent_outcome_stale',
  'ssh_host_forbidden',
  'ssh_host_key_invalid',
  'ssh_private_key_invalid',
  'ssh_credentials_missing',
  'ssh_host_key_mismatch',
  'ssh_auth_failed',
  'ssh_connect_failed',
  'ssh_reload_failed',
  'user_not_found',
  'user_already_exists',
  'member_not_found',
  'member_already_exists',
  'password_too_weak',
  'sign_in_failed',
  'sign_in_locked',
  'csrf_token_invalid',
  'setup_code_invalid',
  'setup_done',
  'invitation_not_found',
  'session_not_found',
  'internal_error',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface AppErrorOptions {
  retryable?: boolean;
  cause?: unknown;
  /** Extra machine-readable facts, safe to return to the caller (never secrets). */
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.details = options.details;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
