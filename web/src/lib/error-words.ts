/**
 * What a refused request means, in words for a person: the API's stable error code
 * (docs/errors.md) decides the sentence, the server's own message stays as the detail.
 */

const WORDS: Record<string, string> = {
  certificate_missing: 'No certificate was found in what was given.',
  certificate_invalid: 'This is not a readable certificate (PEM, DER or PKCS#12 were expected).',
  private_key_in_certificate_field: 'A private key was given where the certificate belongs.',
  private_key_invalid: 'The private key could not be read.',
  private_key_encrypted: 'The private key is protected by a passphrase: import it decrypted, or as a PKCS#12 file with its password.',
  unsupported_key_type: 'The key type is not supported (RSA, EC P-256/P-384/P-521, Ed25519 and Ed448 are).',
  key_mismatch: 'The private key does not belong to this certificate.',
  pkcs12_invalid: 'This is not a readable PKCS#12 file.',
  pkcs12_bad_password: 'The password of the PKCS#12 file is wrong.',
  pkcs12_no_certificate: 'The PKCS#12 file holds no certificate.',
  pkcs12_iteration_budget_exceeded: 'These PKCS#12 files take too much work to open in one request: import fewer at once.',
  body_too_large: 'The file is larger than the server accepts.',
  validation_failed: 'The server refused what was entered.',
  forbidden: 'Your role in this project does not allow this.',
  unauthorized: 'You are signed out: sign in again.',
  acme_validation_failed: 'The CA could not validate the names: the records were not in place or were wrong. Publish them and validate again.',
  acme_error: 'The CA refused the request.',
  acme_unavailable: 'The CA could not be reached. Try again in a moment.',
  acme_directory_forbidden: 'The ACME directory is at an address this server may not reach.',
  certificate_state_conflict: 'The certificate’s state does not allow this now.',
  certificate_not_managed: 'Only certificates issued by certkeeper can be validated, renewed or revoked.',
  app_not_found: 'No such app in this project.',
  app_already_exists: 'The organization already has an app with this id.',
  app_not_ios: 'APNs certificates are bound only to iOS apps.',
  app_certificate_not_apns: 'This certificate is not an Apple push (APNs) certificate.',
  app_certificate_wrong_environment: 'This APNs certificate does not serve that environment.',
  app_certificate_topic_mismatch: 'This APNs certificate is for another bundle id than the app’s.',
  app_binding_not_found: 'No certificate is bound there.',
  endpoint_not_found: 'No such endpoint in this project.',
  endpoint_already_exists: 'This endpoint is already watched.',
  probe_address_refused: 'This host is at an address the server may not connect to.',
};

export interface ErrorText {
  /** The sentence for the code, or the server's message when the code has none. */
  words: string;
  /** The server's message when it says more than the words. */
  detail: string | undefined;
}

export function errorText(code: string | null | undefined, message: string | null | undefined): ErrorText {
  const msg = (message ?? '').trim();
  const words = code ? WORDS[code] : undefined;
  if (!words) return { words: msg || 'The request failed.', detail: undefined };
  return { words, detail: msg && msg !== words ? msg : undefined };
}

/** ACME problem types (RFC 8555 §6.7) in words; the CA's detail goes beside. */
const ACME_PROBLEMS: Record<string, string> = {
  unauthorized: 'the CA found no matching record or token',
  incorrectResponse: 'the CA found a record or token, with the wrong value',
  dns: 'the CA could not look the name up in DNS',
  connection: 'the CA could not connect to the server',
  caa: 'a CAA record forbids this CA to issue for the name',
  rejectedIdentifier: 'the CA will not issue for this name',
  rateLimited: 'the CA’s rate limit was reached',
  tls: 'the TLS connection of the challenge failed',
  malformed: 'the CA found the request malformed',
  serverInternal: 'the CA had an internal error',
};

/** `urn:ietf:params:acme:error:unauthorized` → "the CA found no matching record or token". */
export function acmeProblemWords(type: string | null | undefined): string | undefined {
  const m = /^urn:ietf:params:acme:error:(\w+)$/.exec(type ?? '');
  return m ? ACME_PROBLEMS[m[1]] : undefined;
}
