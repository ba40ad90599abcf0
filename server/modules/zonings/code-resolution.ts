import type { MunicipalityCodeResolution } from '../../../common/contracts/territory';

/** What a municipality code read from a file stands for today (the territory's resolution, issue 13). */
export type CodeResolution = MunicipalityCodeResolution;
