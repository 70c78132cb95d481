import { nextDailyRunAt } from '@hazard-ledger/domain';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { runReminderJob } from './reminder-job.js';
import { type ChannelLogger, smsChannelOf } from './sms-channel.js';

// The in-process timer that runs the reminder job once a day at the configured China time.
// Every app instance schedules it; the job's lease and dedupe keys make one of them do the work.

export type SchedulerLogger = ChannelLogger & { error: (obj: unknown, msg: string) => void };

/** Starts the daily timer (unless disabled, e.g. in tests); returns the function that stops it. */
export function startReminderScheduler(deps: ServiceDeps, logger: SchedulerLogger): () => void {
  const settings = deps.config.reminders;
  if (!settings.enabled || deps.config.env === 'test') return () => {};
  const sms = smsChannelOf(settings.smsChannel, logger);
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const schedule = () => {
    if (stopped) return;
    const next = nextDailyRunAt(new Date(), settings.time);
    timer = setTimeout(() => {
      runReminderJob(deps, sms)
        .then((result) => logger.info(`daily reminders: ${JSON.stringify(result)}`))
        .catch((err: unknown) => logger.error(err, 'daily reminder job failed'))
        .finally(schedule);
    }, next.getTime() - Date.now());
    // The timer alone must not keep the process alive at shutdown.
    timer.unref();
  };
  schedule();
  logger.info(`daily reminder job scheduled at ${settings.time} China time (SMS: ${sms.name})`);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
