export { practicesPaths } from './practices-paths';
/** The group page's list of the practices naming the group (groups' page renders it). */
export { GroupPracticesSection } from './practice-groups';
