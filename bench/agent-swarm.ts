/**
 * A process running some of the agent benchmark's agents (bench/agent-bench.ts): the agents of
 * `CERTKEEPER_SWARM` (JSON: server URL and each agent's key, directory and reload log) until
 * SIGTERM. Several of these stand for agents on several hosts: each has its own libuv thread
 * pool for the files' fsyncs, as each host has its own disk.
 */
import { DeploymentAgent } from '../src/agent/deployment-agent.js';

interface Swarm {
  server: string;
  agents: Array<{ key: string; dir: string; reloads: string }>;
}

const swarm = JSON.parse(process.env.CERTKEEPER_SWARM ?? '{}') as Swarm;
const stop = new AbortController();
process.once('SIGTERM', () => stop.abort());
await Promise.all(
  swarm.agents.map((a) =>
    new DeploymentAgent({
      server: swarm.server,
      key: a.key,
      dir: a.dir,
      reload: `echo "$(date +%s%N) $CERTKEEPER_DEPLOY_COUNT" >> '${a.reloads}'`,
      waitSeconds: 30,
      log: (level, msg) => (level === 'info' ? undefined : process.stderr.write(`agent ${a.dir}: ${msg}\n`)),
    }).run(stop.signal),
  ),
);
