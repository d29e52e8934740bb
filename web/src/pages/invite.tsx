/**
 * `/invite#TOKEN`: the link an administrator shared. The token stays in the fragment (never
 * sent in a URL, so no log keeps it) and goes to the server in a request body.
 */
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client.js';
import { setCsrfToken } from '../api/client.js';
import { ErrorNote } from '../components/common.js';
import { useLoad, useTitle } from '../lib/load.js';
import { navigate } from '../lib/router.js';

export function InvitePage(props: { onDone: () => void }) {
  useTitle('Accept invitation');
  const token = decodeURIComponent(location.hash.replace(/^#/, ''));
  const invitation = useLoad(async () => (token ? (await api.post('/api/v1/auth/invitations/lookup', { body: { token } })).result : undefined), [token]);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const res = (await api.post('/api/v1/auth/invitations/accept', { body: { token, password } })).result;
      setCsrfToken(res.csrfToken);
      // The token is spent: drop it from the address bar and history.
      navigate('/', { replace: true });
      props.onDone();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const unusable = !token || (invitation.error instanceof ApiError && invitation.error.status < 500);
  return (
    <main class="center" id="main">
      <div class="card narrow">
        <h1>Join certkeeper</h1>
        {unusable ? (
          <>
            <p class="muted">This invitation link is not valid: it was used already, it expired, or it was copied only in part. Ask whoever invited you for a new one.</p>
            <a href="/">Go to sign-in</a>
          </>
        ) : invitation.error ? (
          <ErrorNote error={invitation.error} />
        ) : invitation.data ? (
          <>
            <p class="muted">
              You are invited as <strong class="breakable">{invitation.data.email}</strong>. Choose a password to create your account.
            </p>
            <form class="stack" onSubmit={submit}>
              <label>
                Password
                <input type="password" name="password" autoComplete="new-password" required minLength={12} value={password} onInput={(e) => setPassword(e.currentTarget.value)} aria-describedby="password-hint" />
                <span class="hint" id="password-hint">
                  At least 12 characters; a passphrase of several words is best.
                </span>
              </label>
              {error ? <ErrorNote error={error} /> : null}
              <button type="submit" class="primary" disabled={busy}>
                Create account
              </button>
            </form>
          </>
        ) : null}
      </div>
    </main>
  );
}
