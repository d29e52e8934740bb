import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { api, type ResultOf } from '../api/client.js';

export type Project = ResultOf<'get', '/api/v1/projects'>[number];
export type Organization = ResultOf<'get', '/api/v1/organizations'>[number];

export interface Projects {
  organizations: Organization[];
  projects: Project[];
  /** True until the first list arrived. */
  loading: boolean;
  reload: () => void;
}

/** Every project and organization the signed-in person may open (for the switcher). */
export async function loadProjects(): Promise<Omit<Projects, 'reload' | 'loading'>> {
  const [orgs, projects] = await Promise.all([api.get('/api/v1/organizations', { query: { pageSize: 500 } }), api.get('/api/v1/projects', { query: { pageSize: 500 } })]);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return { organizations: [...orgs.result].sort(byName), projects: [...projects.result].sort(byName) };
}

export const ProjectsContext = createContext<Projects>({ organizations: [], projects: [], loading: true, reload: () => undefined });
export const useProjects = () => useContext(ProjectsContext);

const LAST_PROJECT = 'certkeeper.lastProjectId';

/** The project last opened in this browser (not a secret: an id, for the next visit). */
export function lastProjectId(): string | null {
  try {
    return localStorage.getItem(LAST_PROJECT);
  } catch {
    return null;
  }
}

export function rememberProject(id: string): void {
  try {
    localStorage.setItem(LAST_PROJECT, id);
  } catch {
    // Storage refused (private mode): the console only forgets the last project.
  }
}
