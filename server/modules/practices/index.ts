export { practicesModule } from './practices.module';
export { createPractice } from './create-practice';
export { updatePractice } from './update-practice';
export { getPractice } from './get-practice';
export { searchPractices } from './search-practices';
export { exportPractices } from './export-practices';
export { listPracticeAuthorChoices } from './list-practice-author-choices';
export { DEMO_PRACTICES, seedDemoPractices } from './fixtures/demo-practices.seed';
