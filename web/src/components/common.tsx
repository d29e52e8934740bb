/**
 * Small pieces every page uses. Text from certificates and from the API is always passed as
 * JSX children or attributes (text nodes), never as markup.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { followLink } from '../lib/router.js';
import { dateText, dateTimeText, exactText, expiryText, relativeTime } from '../lib/time.js';
import { statusWord, URGENCY_ICON, urgencyOf, type Urgency } from '../lib/status.js';
import { now } from '../lib/clock.js';

/**
 * An action a page runs on the server (deploy now, delete, unbind…): which one is busy (its key,
 * so that a row's button can say "Deploying…"), the refusal or the words of success, and the
 * reload of what it changed, whatever the outcome.
 */
export function useAction(reload: () => void) {
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<unknown>();
  const [note, setNote] = useState<string>();
  const act = async (key: string, words: string, run: () => Promise<unknown>) => {
    setBusy(key);
    setError(undefined);
    setNote(undefined);
    try {
      await run();
      setNote(words);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
      reload();
    }
  };
  const clear = () => {
    setError(undefined);
    setNote(undefined);
  };
  return { busy, error, note, act, clear };
}

/** A link inside the console: navigates in place, opens in a new tab as any link. */
export function Link(props: { href: string; class?: string; children: ComponentChildren; 'aria-current'?: 'page' | undefined; title?: string }) {
  return (
    <a href={props.href} class={props.class} onClick={followLink} aria-current={props['aria-current']} title={props.title}>
      {props.children}
    </a>
  );
}

/** An expiry: the countdown and the date, the exact instant on hover. */
export function Expiry(props: { notAfter: string | null; daysLeft?: number | null; urgency?: Urgency }) {
  if (!props.notAfter) return <span class="muted">not issued</span>;
  const at = new Date(props.notAfter);
  const urgency = props.urgency ?? urgencyOf('issued', props.daysLeft ?? null);
  return (
    <span class={`expiry u-${urgency}`}>
      <time dateTime={props.notAfter} title={`${dateTimeText(at)} (local) · ${exactText(at)}`}>
        {expiryText(at, now())}
      </time>
      <span class="date">{dateText(at)}</span>
    </span>
  );
}

/** A past or future instant: "3 days ago" with the date and exact time on hover. */
export function When(props: { at: string | null | undefined; empty?: string }) {
  if (!props.at) return <span class="muted">{props.empty ?? '—'}</span>;
  const at = new Date(props.at);
  return (
    <time dateTime={props.at} title={exactText(at)}>
      {dateTimeText(at)} <span class="muted">({relativeTime(at, now())})</span>
    </time>
  );
}

/** A status as an icon and a word, coloured by urgency (never by colour alone). */
export function StatusBadge(props: { status: string; daysLeft: number | null }) {
  const urgency = urgencyOf(props.status, props.daysLeft);
  return (
    <span class={`badge u-${urgency}`}>
      <span class="icon" aria-hidden="true">
        {URGENCY_ICON[urgency]}
      </span>
      {statusWord(props.status)}
    </span>
  );
}

/** The message of a failed call, in words for a person, with the API's code for a report. */
export function ErrorNote(props: { error: unknown; prefix?: string }) {
  const e = props.error;
  const text = e instanceof ApiError ? e.message : e instanceof Error ? e.message : String(e);
  return (
    <p class="error-note" role="alert">
      {props.prefix ? `${props.prefix}: ` : ''}
      {text}
      {e instanceof ApiError ? <span class="muted"> ({e.code})</span> : null}
    </p>
  );
}

/** Copies a value to the clipboard; says so for a moment. */
export function CopyButton(props: { value: string; label: string }) {
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!done) return;
    const t = setTimeout(() => setDone(false), 1500);
    return () => clearTimeout(t);
  }, [done]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      setDone(true);
    } catch {
      // Without clipboard access (plain HTTP on another host), the value stays selectable on the page.
      setDone(false);
    }
  };
  return (
    <button type="button" class="small" onClick={copy} aria-label={`Copy ${props.label}`}>
      {done ? 'Copied' : 'Copy'}
    </button>
  );
}

/**
 * A modal dialog (the native <dialog>: focus kept inside, Escape closes), open while mounted.
 */
export function Dialog(props: { title: string; onClose: () => void; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="dialog-title" onClose={props.onClose} onCancel={props.onClose}>
      <h2 id="dialog-title">{props.title}</h2>
      {props.children}
    </dialog>
  );
}

/** A definition list row that shows nothing when the value is absent. */
export function Field(props: { label: string; children: ComponentChildren; mono?: boolean }) {
  return (
    <div class="field">
      <dt>{props.label}</dt>
      <dd class={props.mono ? 'mono' : undefined}>{props.children}</dd>
    </div>
  );
}
