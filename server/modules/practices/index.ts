export { practicesModule } from './practices.module';
export { createPractice } from './create-practice';
export { updatePractice } from './update-practice';
export { getPractice } from './get-practice';
export { searchPractices } from './search-practices';
export { exportPractices } from './export-practices';
export { listPracticeAuthorChoices } from './list-practice-author-choices';
export { DEMO_PRACTICES, seedDemoPractices } from './fixtures/demo-practices.seed';
/** For bench/knowledge.bench.ts: the naive ILIKE baseline and how a search is understood and a reader is seen. */
export { selectPracticePageNaive as selectPracticePageNaiveForBenchmark } from './practices.repository';
export { practiceSearchOf } from './search-practices';
export { practiceReaderOf } from './practices.policy';
