import { useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { setUp } from '../api/auth.js';
import { navigate } from '../lib/router.js';
import { useTitle } from '../lib/load.js';

function problem(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'setup_code_invalid') return 'That setup code is not the one the server printed. Copy it again from the server log.';
    if (err.code === 'setup_done') return 'This server is already set up: sign in instead.';
    return err.message;
  }
  return 'The server could not be reached. Try again.';
}

/** First run: the setup code the server printed at start, and the first superuser's account. */
export function SetupPage(props: { onDone: () => void }) {
  const [code, setCode] = useState('');
  useTitle('Set up');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await setUp(code.trim(), email.trim(), password);
      navigate('/', { replace: true });
      props.onDone();
    } catch (err) {
      setError(problem(err));
      setBusy(false);
    }
  };

  return (
    <main class="center" id="main">
      <div class="card narrow">
        <h1>Set up certkeeper</h1>
        <p class="muted">
          Create the first account. It is a superuser: it can create organizations, projects and the other accounts. The setup code is the one the server printed
          when it started (a new one at every start until an account exists).
        </p>
        <form onSubmit={submit} class="stack">
          <label>
            Setup code
            <input name="setupCode" autoComplete="one-time-code" required value={code} onInput={(e) => setCode(e.currentTarget.value)} spellcheck={false} />
          </label>
          <label>
            Email
            <input type="email" name="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
          <label>
            Password
            <input type="password" name="password" autoComplete="new-password" required minLength={12} value={password} onInput={(e) => setPassword(e.currentTarget.value)} aria-describedby="password-hint" />
            <span class="hint" id="password-hint">
              At least 12 characters; a passphrase of several words is best.
            </span>
          </label>
          {error ? (
            <p class="error-note" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" class="primary" disabled={busy}>
            Create account
          </button>
        </form>
      </div>
    </main>
  );
}
