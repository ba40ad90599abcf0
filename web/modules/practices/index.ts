export { practicesPaths } from './practices-paths';
