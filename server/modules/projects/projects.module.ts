import type { ModuleManifest } from '../../platform/module';
import { seedDemoProjects } from './fixtures/demo-projects.seed';
import { moveMergedOrganization, moveMunicipalityCodes } from './merge-hooks';
import { projectFileOwner } from './project-files';
import { projectsRoutes } from './projects.routes';

/** Co-designed projects (issue 16, ADR 0032): pipeline, partnership, budget in cents, links, progress, accompaniment. */
export const projectsModule: ModuleManifest = {
  name: 'projects',
  ownsTables: [
    'projects',
    'project_districts',
    'project_transitions',
    'project_evaluations',
    'project_scale_ups',
    'project_scale_up_places',
    'project_partners',
    'project_budget_lines',
    'project_funding_sources',
    'project_need_links',
    'project_group_links',
    'project_milestones',
    'project_reports',
    'project_beneficiaries',
    'project_mentors',
    'project_sessions',
    'project_assessments',
  ],
  routes: projectsRoutes,
  mergeOrganization: moveMergedOrganization,
  moveMunicipalityCodes,
  fileOwners: [projectFileOwner],
  seedDemo: seedDemoProjects,
};
