import type { AddressPolicy } from '../net/address-policy.js';
import type { DeployersByType } from '../ports/deployer.js';
import { AgentDeployer } from './agent-deployer.js';
import { LocalDeployer } from './local-deployer.js';
import { SshDeployer } from './ssh-deployer.js';

/** One deployer of each target type, built once by the composition root. */
export function createDeployers(options: { root: string | undefined; hookDir: string | undefined; policy: AddressPolicy }): DeployersByType {
  return {
    local: new LocalDeployer({ root: options.root, hookDir: options.hookDir }),
    ssh: new SshDeployer({ policy: options.policy }),
    agent: new AgentDeployer(),
  };
}
