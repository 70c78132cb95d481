/** Runs `stop` once on SIGINT/SIGTERM, then exits (1 if stopping failed). */
export function onShutdown(stop: (signal: string) => Promise<void>): void {
  let closing = false;
  const close = (signal: string) => {
    if (closing) return;
    closing = true;
    stop(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => close('SIGINT'));
  process.on('SIGTERM', () => close('SIGTERM'));
}
