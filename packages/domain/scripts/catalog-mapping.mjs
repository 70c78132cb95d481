// The hand-written mapping behind the criteria catalogs, one file per catalog.
import { FMKS_2022 } from './mapping-fmks-2022.mjs';
import { GM_2023 } from './mapping-gm-2023.mjs';
import { HG_2017 } from './mapping-hg-2017.mjs';
import { YHBZ_2017 } from './mapping-yhbz-2017.mjs';

/** One spec per catalog, in the order the data files are written. */
export const CATALOG_SPECS = [HG_2017, YHBZ_2017, FMKS_2022, GM_2023];
