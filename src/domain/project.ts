/** A project of an organization: certificates, services, apps, endpoints and keys belong to one. */
export interface Project {
  id: string;
  organizationId: string;
  name: string;
  createdAt: Date;
}
