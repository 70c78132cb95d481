import { registerMessages } from './message-registry';

/**
 * UI strings of the dispatch reports and the roll-up (issue 9), registered when imported (see
 * message-registry.ts).
 */
export const reportMessages = {
  // Pickers and facts of a report.
  'reports.district': { zh: '区县', en: 'District' },
  'reports.rollupUnit': { zh: '汇总单位', en: 'Roll-up unit' },
  'reports.sector': { zh: '行业', en: 'Sector' },
  'reports.campaign': { zh: '专项行动', en: 'Campaign' },
  'reports.kind': { zh: '报表类型', en: 'Report type' },
  'reports.kind.weekly': { zh: '周报', en: 'Weekly' },
  'reports.kind.milestone': { zh: '阶段性报告', en: 'Milestone' },
  'reports.week': { zh: '报告周', en: 'Week' },
  'reports.milestone': { zh: '阶段性节点', en: 'Milestone' },
  'reports.range': { zh: '{from} 至 {to}', en: '{from} to {to}' },
  'reports.due': { zh: '报送时限', en: 'Due' },
  'reports.dueAt': { zh: '报送时限：{due}', en: 'Due: {due}' },
  'reports.dueShort': { zh: '时限 {due}', en: 'due {due}' },
  'reports.pastDue': { zh: '已过报送时限', en: 'Past due' },
  'reports.onTime': { zh: '按时', en: 'On time' },
  'reports.late': { zh: '逾期', en: 'Late' },
  'reports.unit': { zh: '填报单位', en: 'Reporting unit' },
  'reports.cumulativePeriod': { zh: '累计', en: 'Cumulative' },
  'reports.computedAt': { zh: '生成时间', en: 'Computed at' },
  'reports.frozenAt': { zh: '数据冻结于', en: 'Frozen at' },
  'reports.preparedBy': { zh: '填报人', en: 'Prepared by' },
  'reports.contactPhone': { zh: '联系电话', en: 'Phone' },
  'reports.reviewer': { zh: '审核人', en: 'Reviewed by' },
  'reports.noDistricts': {
    zh: '您没有可查看调度表的区县',
    en: 'There is no district whose reports you may open',
  },
  'reports.noRollupUnits': {
    zh: '您没有可查看汇总的单位',
    en: 'There is no unit whose roll-up you may open',
  },
  'reports.noCampaign': { zh: '暂无专项行动，无需填报调度表', en: 'No campaign to report on' },
  'reports.noWeeks': {
    zh: '本专项行动尚无可填报的周次或节点',
    en: 'The campaign has no week or milestone to report on yet',
  },
  'reports.notSubmittedYet': {
    zh: '该区县尚未报送本期调度表',
    en: 'The district has not submitted this report yet',
  },
  'reports.exportXlsx': { zh: '导出 Excel', en: 'Export Excel' },
  'reports.exportPdf': { zh: '导出 PDF', en: 'Export PDF' },
  'reports.exportRollup': { zh: '导出汇总表', en: 'Export roll-up' },

  // Workflow.
  'reports.actions': { zh: '报表操作', en: 'Report actions' },
  'reports.notConfirmed': {
    zh: '执法数据尚未确认：执法大队确认执法数据后，业务科室方可审核报送。',
    en: 'The enforcement figures are not confirmed yet: the office can submit once the brigade confirms them.',
  },
  'reports.confirmedBy': {
    zh: '执法数据已由 {by} 于 {at} 确认。',
    en: 'Enforcement figures confirmed by {by} at {at}.',
  },
  'reports.staleTitle': {
    zh: '{by} 于 {at} 确认后，执法数据已发生变化，需执法大队重新确认后才能报送',
    en: 'The enforcement figures changed after {by} confirmed them at {at}: the brigade must confirm again before submission',
  },
  'reports.staleChanged': { zh: '变化的指标：{names}', en: 'Changed figures: {names}' },
  'reports.frozenNote': {
    zh: '本表已报送，数据为报送时冻结的快照，之后台账数据的变化不影响本表；如需修改请“更正”（生成新版本）。',
    en: 'Submitted: the figures are the snapshot frozen at submission; later changes to the data do not affect it. Use "Correct" to issue a new version.',
  },
  'reports.viewingOld': {
    zh: '正在查看历史版本 v{version}',
    en: 'Showing earlier version v{version}',
  },
  'reports.viewLatest': { zh: '查看最新版本', en: 'Show the latest' },
  'reports.confirm': { zh: '确认执法数据', en: 'Confirm enforcement figures' },
  'reports.confirmTitle': { zh: '确认本期执法数据？', en: 'Confirm the enforcement figures?' },
  'reports.confirmHint': {
    zh: '确认检查、处罚等执法数据无误。确认后数据如再变化，需重新确认。',
    en: 'The inspection and penalty figures are correct. If they change afterwards, confirm again.',
  },
  'reports.confirmOk': { zh: '确认', en: 'Confirm' },
  'reports.confirmed': { zh: '执法数据已确认', en: 'Enforcement figures confirmed' },
  'reports.submit': { zh: '审核报送', en: 'Review and submit' },
  'reports.submitOk': { zh: '报送', en: 'Submit' },
  'reports.submitHint': {
    zh: '报送后本表数据冻结，并报送市局；报送时间将与报送时限比较，记录是否按时。',
    en: 'Submitting freezes the figures and sends them to the city bureau; the time is compared with the deadline.',
  },
  'reports.submitted': { zh: '已报送', en: 'Submitted' },
  'reports.correct': { zh: '更正', en: 'Correct' },
  'reports.correctOk': { zh: '报送更正', en: 'Submit correction' },
  'reports.correctHint': {
    zh: '更正将按当前数据生成新版本并报送，原版本保留；是否按时以首次报送为准。',
    en: 'A correction submits a new version from the current data; earlier versions are kept. Timeliness stays that of the first submission.',
  },
  'reports.corrected': { zh: '已报送更正版本', en: 'Correction submitted' },
  'reports.refused': { zh: '无法报送', en: 'Cannot submit' },
  'reports.preparedByRequired': { zh: '请填写填报人', en: 'Enter who prepared the report' },
  'reports.summary': { zh: '工作总结', en: 'Summary' },
  'reports.summaryHint': {
    zh: '阶段性报告须附工作总结：主要做法、成效、存在问题和下一步打算。',
    en: 'A milestone report needs a written summary: what was done, results, problems, next steps.',
  },
  'reports.summaryRequired': { zh: '阶段性报告须填写工作总结', en: 'Write the summary' },
  'reports.summaryMissing': { zh: '尚未填写', en: 'Not written yet' },
  'reports.remarks': { zh: '备注（选填）', en: 'Remarks (optional)' },
  'reports.reason': { zh: '更正原因', en: 'Reason for the correction' },
  'reports.reasonRequired': { zh: '请填写更正原因', en: 'Give the reason for the correction' },

  // Tables.
  'reports.progressTable': { zh: '进展情况调度表', en: 'Progress table' },
  'reports.hoverHint': {
    zh: '鼠标移到表头查看指标口径，点击数字查看明细',
    en: 'Hover a header for its definition; click a number for its records',
  },
  'reports.hazards.count': { zh: '共 {n} 项', en: '{n} in total' },
  'reports.hazards.countLimited': {
    zh: '共 {n} 项，列出前 {shown} 项（完整清单见 Excel 导出）',
    en: '{n} in total; the first {shown} are listed',
  },
  'reports.hazards.none': { zh: '无未整改的重大事故隐患', en: 'No open major hazards' },
  'reports.drill.open': {
    zh: '查看明细：{name}（{period}）{value}',
    en: 'Records behind {name} ({period}): {value}',
  },
  'reports.drill.record': { zh: '记录', en: 'Record' },
  'reports.drill.enterprise': { zh: '企业', en: 'Enterprise' },
  'reports.drill.date': { zh: '日期', en: 'Date' },
  'reports.drill.status': { zh: '状态', en: 'Status' },
  'reports.drill.frozen': {
    zh: '明细取自报送时保存的记录清单。',
    en: 'The records are those kept with the submitted version.',
  },

  // Versions.
  'reports.versions.title': { zh: '报送版本', en: 'Versions' },
  'reports.versions.version': { zh: '版本', en: 'Version' },
  'reports.versions.open': { zh: '查看第 {version} 版', en: 'Open version {version}' },
  'reports.versions.shown': { zh: '当前查看', en: 'Shown' },
  'reports.versions.submittedAt': { zh: '报送时间', en: 'Submitted at' },
  'reports.versions.submittedBy': { zh: '报送人', en: 'Submitted by' },
  'reports.versions.first': { zh: '首次报送', en: 'First submission' },
  'reports.versions.onTime': { zh: '是否按时', en: 'On time' },

  // Roll-up and completeness.
  'reports.rollupTable': { zh: '汇总表', en: 'Roll-up table' },
  'reports.submission': { zh: '报送情况', en: 'Submission' },
  'reports.submittedVersion': { zh: '已报送 v{version}', en: 'Submitted v{version}' },
  'reports.notSubmitted': { zh: '未报送', en: 'Not submitted' },
  'reports.total': { zh: '合计', en: 'Total' },
  'reports.completeness.title': { zh: '报送及时率', en: 'Reporting rate' },
  'reports.completeness.hint': {
    zh: '各周应报、已报和按时报送的调度表数',
    en: 'Reports expected, submitted and on time per week',
  },
  'reports.completeness.expected': { zh: '应报 {n}', en: 'Expected {n}' },
  'reports.completeness.submitted': {
    zh: '已报 {n}（报送率 {rate}）',
    en: 'Submitted {n} ({rate})',
  },
  'reports.completeness.onTime': { zh: '按时 {n}（及时率 {rate}）', en: 'On time {n} ({rate})' },
  'reports.completeness.expectedShort': { zh: '应报', en: 'Expected' },
  'reports.completeness.submittedShort': { zh: '已报', en: 'Submitted' },
  'reports.completeness.submittedRate': { zh: '报送率', en: 'Rate' },
  'reports.completeness.onTimeShort': { zh: '按时 {n}', en: 'on time {n}' },
  'reports.completeness.onTimeShort2': { zh: '按时', en: 'On time' },
  'reports.completeness.onTimeRate': { zh: '及时率', en: 'Timeliness' },

  // Layouts.
  'reports.layouts.intro': {
    zh: '调度表附件1–4（进展情况调度表）和附件5（重大事故隐患问题清单）的栏目按这里的表样生成，页面、Excel 和 PDF 导出都使用同一表样。收到市局下发的正式模板后，可点击“编辑”调整分组、指标、本周/累计栏和表头文字，使之与模板一致，无需修改程序。',
    en: 'The columns of annexes 1–4 (progress tables) and annex 5 (open major hazards) come from these layouts, for the page, the Excel and the PDF alike. When the city sends its official template, edit the groups, figures, periods and header texts here to match it; no code change is needed.',
  },
  'reports.layouts.introFrozen': {
    zh: '已报送的调度表保留报送时的表样，不受之后的调整影响。',
    en: 'Submitted reports keep the layout they were submitted with.',
  },
  'reports.layouts.default': { zh: '默认表样', en: 'Default' },
  'reports.layouts.changed': { zh: '已调整', en: 'Customised' },
  'reports.layouts.neverChanged': { zh: '使用系统默认表样', en: 'The default layout' },
  'reports.layouts.lastChanged': {
    zh: '最后由 {by} 于 {at} 修改{note}',
    en: 'Last changed by {by} at {at}{note}',
  },
  'reports.layouts.previewEmpty': { zh: '表头预览', en: 'Header preview' },
  'reports.layouts.reset': { zh: '恢复默认', en: 'Restore default' },
  'reports.layouts.resetTitle': { zh: '恢复为默认表样？', en: 'Restore the default layout?' },
  'reports.layouts.resetHint': {
    zh: '当前的调整将被默认表样替换；已报送的调度表不受影响。',
    en: 'Your changes are replaced by the default; submitted reports are not affected.',
  },
  'reports.layouts.resetDone': { zh: '已恢复默认表样', en: 'Default layout restored' },
  'reports.layouts.editTitle': { zh: '编辑表样：{annex}', en: 'Edit layout: {annex}' },
  'reports.layouts.editHint': {
    zh: '表样为 JSON 数据：groups 为表头第一行的分组，columns 为各指标（figure 为指标代码，periods 为 week 本周 / cumulative 累计，label 可改写表头文字）；附件5 的 columns 为清单栏目（field）。可用的代码见页面下方。',
    en: 'The layout is JSON: groups are the first header row, columns the figures (figure = key, periods = week / cumulative, label overrides the header text); annex 5 lists fields. The keys are listed at the bottom of the page.',
  },
  'reports.layouts.json': { zh: '表样（JSON）', en: 'Layout (JSON)' },
  'reports.layouts.note': { zh: '修改说明', en: 'Note' },
  'reports.layouts.notePlaceholder': {
    zh: '如：按市局2026年11月下发模板调整',
    en: "e.g. matched to the city's November template",
  },
  'reports.layouts.badJson': { zh: 'JSON 格式错误：{error}', en: 'Not valid JSON: {error}' },
  'reports.layouts.invalid': {
    zh: '表样不符合要求，请按以下提示修改',
    en: 'The layout is not valid; fix the following',
  },
  'reports.layouts.saved': { zh: '表样已保存', en: 'Layout saved' },
  'reports.layouts.figureKeys': { zh: '可用的指标代码', en: 'Figure keys' },
  'reports.layouts.figureName': { zh: '指标', en: 'Figure' },
  'reports.layouts.periodsBoth': {
    zh: 'week、cumulative（本周、累计）',
    en: 'week, cumulative',
  },
  'reports.layouts.periodsCumulative': { zh: '仅 cumulative（累计）', en: 'cumulative only' },
  'reports.layouts.supported': { zh: '有数据', en: 'Has data' },
  'reports.layouts.noData': { zh: '暂无数据', en: 'No data yet' },
  'reports.layouts.hazardFields': { zh: '附件5 可用的栏目', en: 'Annex 5 fields' },
} as const;

registerMessages(reportMessages);
