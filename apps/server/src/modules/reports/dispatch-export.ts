import type { DispatchReportView, Locale, RollupView } from '@hazard-ledger/domain';

// Placeholder (issue 9 item 6): being built. The .xlsx and PDF of a dispatch report and of a
// roll-up, rendered from the same layouts as the web page.

export type Download = { mimeType: string; fileName: string; body: Buffer };

export async function dispatchReportXlsx(_view: DispatchReportView, _locale: Locale): Promise<Download> {
  throw new Error('not built yet');
}

export async function dispatchReportPdf(_view: DispatchReportView, _locale: Locale): Promise<Download> {
  throw new Error('not built yet');
}

export async function rollupXlsx(_view: RollupView, _locale: Locale): Promise<Download> {
  throw new Error('not built yet');
}
