import type { ModuleManifest } from '../../platform/module';

/** The registry grows with the organizations issue (directory, import, people); today it backs districts. */
export const organizationsModule: ModuleManifest = { name: 'organizations' };
