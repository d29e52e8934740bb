/**
 * The agent's side of the agent routes (api/routes/agent-routes.ts): plain HTTP with the
 * deployment key, each request bounded in time and abortable (SIGTERM ends a long poll at once).
 */

/** One deployment as the server lists it to its agent. */
export interface AgentDeployment {
  id: number;
  name: string;
  certificateId: number;
  domainName: string;
  fingerprintSha256: string | null;
  sslCertificateId: string | null;
  deployedFingerprintSha256: string | null;
  status: 'pending' | 'deployed' | 'verified' | 'failed';
  requested: boolean;
}

/** A version to write. Holds the private key: never logged. */
export interface AgentMaterial {
  deploymentId: number;
  name: string;
  fingerprintSha256: string;
  certificatePem: string;
  chainPem: string;
  privateKeyPem: string;
}

/** The server answered with an error envelope (its status and stable code). */
export class AgentHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface AgentClientOptions {
  /** The server's base URL, e.g. https://certkeeper.example.com */
  server: string;
  key: string;
  /** A request that is not a long poll gives up after this (default 30 s); a long poll after its wait plus this. */
  timeoutMs?: number;
}

export class AgentClient {
  private readonly base: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: AgentClientOptions) {
    this.base = options.server.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /**
   * The target's deployments, or `unchanged` when the server still has `etag` after waiting up
   * to `waitSeconds` for a change.
   */
  async list(etag: string | undefined, waitSeconds: number, signal: AbortSignal): Promise<{ unchanged: true } | { unchanged: false; etag: string; items: AgentDeployment[] }> {
    const headers: Record<string, string> = etag ? { 'if-none-match': etag } : {};
    const res = await this.request('GET', `/api/v1/agent/deployments?wait=${Math.max(0, Math.min(60, Math.floor(waitSeconds)))}`, signal, this.timeoutMs + waitSeconds * 1000, headers);
    if (res.status === 304) return { unchanged: true };
    const body = (await this.body(res)) as { etag: string; items: AgentDeployment[] };
    return { unchanged: false, etag: body.etag, items: body.items };
  }

  async material(deploymentId: number, signal: AbortSignal): Promise<AgentMaterial> {
    return (await this.body(await this.request('GET', `/api/v1/agent/deployments/${deploymentId}/certificate`, signal, this.timeoutMs))) as AgentMaterial;
  }

  async outcome(deploymentId: number, report: { fingerprintSha256: string; ok: boolean; error?: { code: string; message: string } }, signal: AbortSignal): Promise<void> {
    await this.body(await this.request('POST', `/api/v1/agent/deployments/${deploymentId}/outcome`, signal, this.timeoutMs, { 'content-type': 'application/json' }, JSON.stringify(report)));
  }

  private async request(method: string, path: string, signal: AbortSignal, timeoutMs: number, headers: Record<string, string> = {}, body?: string): Promise<Response> {
    return fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.options.key}`, accept: 'application/json', ...headers },
      body,
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    });
  }

  private async body(res: Response): Promise<unknown> {
    const text = await res.text();
    let json: { success?: boolean; result?: unknown; errors?: unknown; code?: string; message?: string } | undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (res.status >= 200 && res.status < 300 && json?.success) return json.result;
    // The native error envelope: a stable `code` and the message in `errors`.
    const code = typeof json?.code === 'string' ? json.code : `http_${res.status}`;
    const message = Array.isArray(json?.errors) ? String(json.errors[0] ?? '') : '';
    throw new AgentHttpError(res.status, code, `${res.status} ${code}${message ? `: ${message}` : ''}`);
  }
}
