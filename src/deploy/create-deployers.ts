import type { DeployersByType } from '../ports/deployer.js';
import { AgentDeployer } from './agent-deployer.js';
import { LocalDeployer } from './local-deployer.js';

/** One deployer of each target type, built once by the composition root. */
export function createDeployers(options: { root: string | undefined; hookDir: string | undefined }): DeployersByType {
  return { local: new LocalDeployer({ root: options.root, hookDir: options.hookDir }), agent: new AgentDeployer() };
}
