import { lazy } from 'react';
import type { WebModule } from '../../app/web-module';
import it from './i18n/it.json';
import en from './i18n/en.json';

const ProjectsPage = lazy(() => import('./projects-page').then((m) => ({ default: m.ProjectsPage })));
const NewProjectPage = lazy(() => import('./new-project-page').then((m) => ({ default: m.NewProjectPage })));
const ProjectPage = lazy(() => import('./project-page').then((m) => ({ default: m.ProjectPage })));
const ProjectSheetPage = lazy(() => import('./project-sheet-page').then((m) => ({ default: m.ProjectSheetPage })));

const translations = { namespace: 'projects', it, en } as const;

/**
 * Co-designed projects (issue 16): the list and map, a project's page and printable sheet, the new-project form. No menu
 * entry of its own (the menu is full for a coordinator): reached from the home, the district page and a proposal.
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
};
