import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { signIn } from '../api/auth.js';
import { useTitle } from '../lib/load.js';
import { lockoutText, retryAfterSeconds } from '../lib/sign-in-lock.js';
import { ssoErrorText, ssoStartHref } from '../lib/sso-errors.js';

/** Words for the sign-in failures a person can act on; anything else shows the server's message. */
function problem(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'sign_in_failed') return 'The email or the password is wrong.';
    if (err.code === 'sign_in_locked') return lockoutText(retryAfterSeconds(err.retryAfter, new Date()));
    return err.message;
  }
  return 'The server could not be reached. Try again.';
}

export function SignInPage(props: { sso: boolean; onDone: () => void }) {
  const [email, setEmail] = useState('');
  useTitle('Sign in');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  // A failed single sign-on comes back as /?sso_error=<reason>: said once, then gone from the address.
  const [ssoError] = useState(() => ssoErrorText(location.search));
  useEffect(() => {
    if (ssoError === undefined) return;
    const params = new URLSearchParams(location.search);
    params.delete('sso_error');
    history.replaceState(history.state, '', `${location.pathname}${params.size ? `?${params}` : ''}${location.hash}`);
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(email.trim(), password);
      setPassword('');
      props.onDone();
    } catch (err) {
      setError(problem(err));
      setBusy(false);
    }
  };

  return (
    <main class="center" id="main">
      <div class="card narrow">
        <h1 class="brand-title">
          <span class="logo" aria-hidden="true">
            ✓
          </span>
          certkeeper
        </h1>
        <p class="muted">Sign in to the certificate console.</p>
        {ssoError ? (
          <p class="error-note" role="alert">
            {ssoError}
          </p>
        ) : null}
        <form onSubmit={submit} class="stack">
          <label>
            Email
            <input type="email" name="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
          <label>
            Password
            <input type="password" name="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          </label>
          {error ? (
            <p class="error-note" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" class="primary" disabled={busy}>
            Sign in
          </button>
        </form>
        {props.sso ? (
          <p class="sso">
            <a class="sso-button" href={ssoStartHref(location.pathname, location.search)}>
              Sign in with SSO
            </a>
          </p>
        ) : null}
      </div>
    </main>
  );
}
