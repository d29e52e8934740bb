/**
 * The signed-in person's own account: their sessions (this browser marked, any other revoked
 * at once) and a change of password (which ends their other sessions).
 */
import { useState } from 'preact/hooks';
import type { Me } from '../api/auth.js';
import { api, ApiError } from '../api/client.js';
import { ErrorNote, When } from '../components/common.js';
import { useLoad, useTitle } from '../lib/load.js';

export function AccountPage(props: { me: Me }) {
  useTitle('Account');
  const sessions = useLoad(async () => (await api.get('/api/v1/auth/sessions')).result, []);
  const [error, setError] = useState<unknown>();

  const revoke = async (sessionId: string) => {
    setError(undefined);
    try {
      await api.delete('/api/v1/auth/sessions/{sessionId}', { path: { sessionId } });
    } catch (err) {
      setError(err);
    } finally {
      sessions.reload();
    }
  };

  return (
    <section class="page">
      <div class="page-head">
        <h1>Account</h1>
        <p class="muted breakable">{props.me.user.email}</p>
      </div>
      <h2>Sessions</h2>
      <p class="muted">Where this account is signed in. Revoking a session signs that browser out at its next request.</p>
      {error ? <ErrorNote error={error} /> : null}
      {sessions.error ? <ErrorNote error={sessions.error} prefix="The sessions could not be listed" /> : null}
      {sessions.data ? (
        <table class="grid compact">
          <thead>
            <tr>
              <th scope="col">Browser</th>
              <th scope="col">Address</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last seen</th>
              <th scope="col">Ends</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.map((s) => (
              <tr key={s.id}>
                <td class="breakable">
                  {s.userAgent ?? <span class="muted">unknown</span>}
                  {s.current ? <span class="tag">this browser</span> : null}
                </td>
                <td class="mono">{s.address ?? '—'}</td>
                <td>
                  <When at={s.createdAt} />
                </td>
                <td>
                  <When at={s.lastSeenAt} />
                </td>
                <td>
                  <When at={s.expiresAt} />
                </td>
                <td>
                  {s.current ? null : (
                    <button type="button" class="small danger" onClick={() => void revoke(s.id)} aria-label={`Revoke the session signed in ${new Date(s.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ChangePassword onChanged={sessions.reload} />
    </section>
  );
}

function ChangePassword(props: { onChanged: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setProblem(undefined);
    setDone(false);
    if (next !== again) return setProblem('The new passwords differ.');
    setBusy(true);
    try {
      await api.post('/api/v1/auth/password', { body: { currentPassword: current, newPassword: next } });
      setCurrent('');
      setNext('');
      setAgain('');
      setDone(true);
      props.onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'sign_in_failed') setProblem('The current password is wrong.');
      else if (err instanceof ApiError && err.code === 'password_too_weak') setProblem(`The new password is too weak: ${err.message}`);
      else setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack narrow-form section" onSubmit={submit} aria-labelledby="password-title">
      <div>
        <h2 id="password-title">Change password</h2>
        <p class="muted">At least 12 characters, not a common one. Your other sessions end.</p>
      </div>
      <label>
        Current password
        <input type="password" autoComplete="current-password" required value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
      </label>
      <label>
        New password
        <input type="password" autoComplete="new-password" required minLength={12} value={next} onInput={(e) => setNext(e.currentTarget.value)} />
      </label>
      <label>
        New password again
        <input type="password" autoComplete="new-password" required value={again} onInput={(e) => setAgain(e.currentTarget.value)} />
      </label>
      {problem ? (
        <p class="error-note" role="alert">
          {problem}
        </p>
      ) : null}
      {done ? (
        <p class="ok-note" role="status">
          Password changed. Other sessions were signed out.
        </p>
      ) : null}
      <div>
        <button type="submit" class="primary" disabled={busy}>
          Change password
        </button>
      </div>
    </form>
  );
}
