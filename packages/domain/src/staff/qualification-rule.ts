// The §四(三) qualification rule as data, in a module of its own (no imports) so that the
// report figure definitions (report/figures.ts) can quote it without an import cycle.

/** Education levels (学历), highest first; the order is what "at least" compares. */
export const EDUCATION_LEVELS = [
  'postgraduate',
  'bachelor',
  'junior_college',
  'secondary_vocational',
  'high_school_or_below',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LEVEL_LABELS: Record<EducationLevel, { zh: string; en: string }> = {
  postgraduate: { zh: '研究生', en: 'Postgraduate' },
  bachelor: { zh: '大学本科', en: "Bachelor's" },
  junior_college: { zh: '大学专科', en: 'Junior college' },
  secondary_vocational: { zh: '中等专科（中专）', en: 'Secondary vocational' },
  high_school_or_below: { zh: '高中及以下', en: 'High school or below' },
};

/** Whether `level` is `min` or higher. */
export function educationAtLeast(level: EducationLevel, min: EducationLevel): boolean {
  return EDUCATION_LEVELS.indexOf(level) <= EDUCATION_LEVELS.indexOf(min);
}

/**
 * The §四(三) qualification rule as data.
 *
 * The plan says "具有安全生产相关专业学历和实践经验": a safety-related degree AND practical
 * experience. Read literally (`combine: 'all'`), a person counts as qualified when
 *   (a) their education is at least `minEducation` in a major marked safety-related, and
 *   (b) they have at least `minSafetyYears` full years of safety-related work.
 * `combine: 'any'` is the looser reading (either (a) or (b)). The plan names no education level
 * and no number of years: 中专 is the lowest level that has a major at all, and 2 years is the
 * bureau's working threshold for "实践经验"; both can be changed here.
 * The share is qualified ÷ in-service staff (records not voided) and must be ≥ `floorPercent`.
 */
export type StaffQualificationRule = {
  minEducation: EducationLevel;
  minSafetyYears: number;
  combine: 'all' | 'any';
  floorPercent: number;
};

export const STAFF_QUALIFICATION_RULE: StaffQualificationRule = {
  minEducation: 'secondary_vocational',
  minSafetyYears: 2,
  combine: 'all',
  floorPercent: 75,
};

/** The rule in words, for the page and the report definition. */
export function describeQualificationRule(rule: StaffQualificationRule): string {
  const degree = `${EDUCATION_LEVEL_LABELS[rule.minEducation].zh}及以上学历且所学专业与安全生产相关`;
  const years = `从事安全生产相关工作满${rule.minSafetyYears}年`;
  const join = rule.combine === 'all' ? '并且' : '或者';
  return `${degree}，${join}${years}（方案§四(三)：不低于在职人员的${rule.floorPercent}%）`;
}
