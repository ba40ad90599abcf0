import { ZSettingsUpdate, type TSettingsUpdate } from '../../../common/contracts/settings';

export interface BasemapFormProblems {
  basemapUrl?: 'notTemplate' | 'tooLong';
  basemapAttribution?: 'tooLong';
}

const TILE_TEMPLATE = /^https?:\/\/.+\{z\}.*\{x\}.*\{y\}/;

/** Same rules as ZSettingsUpdate, but as codes the page turns into localised messages. */
export function checkBasemapForm(url: string, attribution: string): BasemapFormProblems {
  const trimmedUrl = url.trim();
  const problems: BasemapFormProblems = {};
  if (trimmedUrl.length > 500) problems.basemapUrl = 'tooLong';
  else if (trimmedUrl && !TILE_TEMPLATE.test(trimmedUrl)) problems.basemapUrl = 'notTemplate';
  if (attribution.trim().length > 300) problems.basemapAttribution = 'tooLong';
  return problems;
}

/** The PATCH body: empty fields clear the setting (null), so maps go back to the plain offline background. */
export function basemapUpdate(url: string, attribution: string, version: number): TSettingsUpdate {
  return ZSettingsUpdate.parse({
    basemapUrl: url.trim() || null,
    basemapAttribution: attribution.trim() || null,
    version,
  });
}
