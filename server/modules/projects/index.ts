export { projectsModule } from './projects.module';
export { getProject, listProjects, projectMap, exportProjects } from './project-reads';
export * from './project-writes';
export { DEMO_PROJECT_TITLES, seedDemoProjects } from './fixtures/demo-projects.seed';
