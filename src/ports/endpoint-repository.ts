import type { Endpoint, EndpointProbe } from '../domain/endpoint.js';
import type { Page, PageResult } from './page.js';

/** An endpoint to insert; the store assigns its id. */
export type NewEndpoint = Omit<Endpoint, 'id' | 'certificateId' | 'lastProbe'>;

/**
 * Watched endpoints and their last probe. `certificateId` is cleared by the database when the
 * certificate is deleted (ON DELETE SET NULL).
 */
export interface EndpointRepository {
  /** AppError('endpoint_already_exists') when the project watches the same host, port, protocol and server name. */
  insert(endpoint: NewEndpoint): Promise<Endpoint>;
  get(id: number): Promise<Endpoint | undefined>;
  /** A project's endpoints, oldest first. */
  /** A project's endpoints, oldest first; with `certificateId`, those whose last probe served that certificate. */
  list(projectId: string, page: Page, filter?: { certificateId?: number }): Promise<PageResult<Endpoint>>;
  /** true when it existed. */
  delete(id: number): Promise<boolean>;
  /** Stores the probe as the endpoint's last one, links the served certificate and releases any claim; false when the endpoint is gone. */
  recordProbe(id: number, probe: EndpointProbe, certificateId: number | null): Promise<boolean>;
}
