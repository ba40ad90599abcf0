import { lazy } from 'react';
import { isSignedIn } from '../../app/access';
import type { WebModule } from '../../app/web-module';
import { projectPaths } from './project-paths';
import it from './i18n/it.json';
import en from './i18n/en.json';

const ProjectsPage = lazy(() => import('./projects-page').then((m) => ({ default: m.ProjectsPage })));
const NewProjectPage = lazy(() => import('./new-project-page').then((m) => ({ default: m.NewProjectPage })));
const ProjectPage = lazy(() => import('./project-page').then((m) => ({ default: m.ProjectPage })));
const ProjectSheetPage = lazy(() => import('./project-sheet-page').then((m) => ({ default: m.ProjectSheetPage })));

const translations = { namespace: 'projects', it, en } as const;

/**
 * Co-designed projects (issue 16): the list and map, a project's page and printable sheet, the new-project form. Reached
 * from the home, the district page, a proposal, and the menu's «Rete» dropdown (with groups and practices).
 */
export const projectsWebModule: WebModule<typeof translations> = {
  name: 'projects',
  translations,
  routes: [
    { path: 'progetti', page: ProjectsPage },
    { path: 'progetti/nuovo', page: NewProjectPage },
    { path: 'progetti/:id', page: ProjectPage },
    { path: 'progetti/:id/scheda', page: ProjectSheetPage },
  ],
  navigation: [{ to: projectPaths.list, label: (t): string => t('navLabel', { ns: 'projects' }), isVisible: isSignedIn, group: 'collaboration' }],
};
