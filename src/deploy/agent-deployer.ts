/**
 * The `agent` deployment target: `certkeeper agent` runs on the host, holds the target's
 * deployment key, fetches its deployments' versions and reports what it wrote
 * (src/agent/, api/routes/agent-routes.ts). The server never pushes to it, so this adapter only
 * checks the (empty) config; `deploy` is never called by DeploymentService for a pulling type.
 */
import { AppError } from '../domain/app-error.js';
import { segmentProblem } from '../domain/deployment.js';
import type { DeployBatchOutcome, Deployer, DeployerSecret, DeployerSettings, DeployItem, DeployTarget } from '../ports/deployer.js';

export class AgentDeployer implements Deployer {
  readonly type = 'agent' as const;
  readonly fields: readonly string[] = [];

  async configure(_input: Record<string, unknown>, _stored: DeployerSecret | undefined): Promise<DeployerSettings> {
    // Where the files go and how the server is reloaded are the agent's options on its host.
    return { config: {}, secret: undefined };
  }

  storedInput(): Record<string, unknown> {
    return {};
  }

  async checkName(_target: DeployTarget, name: string): Promise<void> {
    const problem = segmentProblem(name);
    if (problem !== undefined) throw new AppError('deployment_path_invalid', `name "${name.slice(0, 100)}" ${problem}`);
  }

  async deploy(_target: DeployTarget, items: readonly DeployItem[]): Promise<DeployBatchOutcome> {
    const error = new AppError('deployment_write_failed', 'an agent target is written by its agent, never by the server');
    return { items: items.map((i) => ({ deploymentId: i.deploymentId, location: null, error })), reload: { ran: false, error: null } };
  }
}
