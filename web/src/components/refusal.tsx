/**
 * A refused request in words (lib/error-words.ts): the sentence for its code, the server's
 * message as the detail, the code for a report. Never the raw answer.
 */
import { ApiError } from '../api/client.js';
import { errorText } from '../lib/error-words.js';

export function Refusal(props: { error: unknown; prefix?: string; code?: string | null; message?: string | null }) {
  const e = props.error;
  const code = props.code ?? (e instanceof ApiError ? e.code : undefined);
  const message = props.message ?? (e instanceof Error ? e.message : e === undefined ? '' : String(e));
  const t = errorText(code, message);
  return (
    <p class="error-note" role="alert">
      {props.prefix ? `${props.prefix}: ` : ''}
      {t.words}
      {t.detail ? <span class="detail"> {t.detail}</span> : null}
      {code ? <span class="muted"> ({code})</span> : null}
    </p>
  );
}
