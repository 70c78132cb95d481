import fs from 'node:fs';
// What `npm run bench:data` leaves beside a generated dataset, so benchmarks find their way in
// without querying for it: where the data is, how much of it, who can sign in and which records
// to aim at. Written as <dir>/<scale>.manifest.json (SQLite) or <dir>/pg-<scale>.manifest.json.
import path from 'node:path';
import type { Sector } from '@hazard-ledger/domain';

export const SCALES = ['district', 'city', 'province'] as const;
export type Scale = (typeof SCALES)[number];

/** The password of every generated account (the accounts exist only in benchmark datasets). */
export const BENCH_PASSWORD = 'Bench-Pass-2023';
export const DEFAULT_BENCH_DIR = '/tmp/hl-bench';

export type DatasetManifest = {
  scale: Scale;
  seed: number;
  dialect: 'sqlite' | 'postgres';
  /** The SQLite file, or the PostgreSQL connection string. */
  location: string;
  generatedAt: string;
  seconds: number;
  /** Rows per table. */
  counts: Record<string, number>;
  password: string;
  /** Usernames, one per kind of user the benchmarks act as. */
  users: {
    /** bureau_admin of the province's top unit (sees everything). */
    province: string;
    /** city user of the first city. */
    city: string;
    /** bureau_admin of the first district. */
    district: string;
    /** office (危化室) of the first district, sector hazchem. */
    office: string;
    /** inspector of the first district's brigade. */
    inspector: string;
    /** ent_safety of `ids.enterprise`. */
    enterprise: string;
  };
  ids: {
    region: number;
    city: number;
    district: number;
    campaign: number;
    /** An enterprise of the first district (sector hazchem) with hazards of its own. */
    enterprise: number;
  };
  /** The report week the dataset is built around (Monday, China date) and the campaign year. */
  report: { weekMonday: string; year: number };
  /**
   * Hazards of the first district by status (up to 2,000 each, ascending id), for pages and
   * transitions.
   */
  districtHazards: Partial<Record<string, number[]>>;
  /** Sectors in the order of the datasets' proportions (for building filters). */
  sectors: readonly Sector[];
};

export function manifestPath(dir: string, scale: Scale, dialect: 'sqlite' | 'postgres'): string {
  return path.join(dir, `${dialect === 'postgres' ? 'pg-' : ''}${scale}.manifest.json`);
}

export function sqlitePath(dir: string, scale: Scale): string {
  return path.join(dir, `${scale}.db`);
}

/** The PostgreSQL database of a scale, beside `postgres` on the same server. */
export function pgDatabaseName(scale: Scale): string {
  return `hl_bench_${scale}`;
}

/**
 * The manifest of a generated dataset, or the reason there is none with the command that makes
 * it (thrown as an Error for the command line to print).
 */
export function readManifest(dir: string, scale: Scale, dialect: 'sqlite' | 'postgres'): DatasetManifest {
  const file = manifestPath(dir, scale, dialect);
  if (!fs.existsSync(file)) {
    throw new Error(
      `No ${dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'} dataset of scale "${scale}": ${file} is missing.\n` +
        `Generate it first:  npm run bench:data -- --scale ${scale}${dialect === 'postgres' ? ' --pg' : ''}${dir === DEFAULT_BENCH_DIR ? '' : ` --dir ${dir}`}`,
    );
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DatasetManifest;
}
