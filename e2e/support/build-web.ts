import { spawnSync } from 'node:child_process';

/** The journeys drive the built app: build it first when the sources are newer than web/dist. */
export default function buildWeb(): void {
  const result = spawnSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The web build failed');
}
