// Delivery channels besides the in-app centre (which every notification always reaches).
// SMS is an interface so that a gateway can be plugged in by configuration; the default
// implementation only logs what it would send and never contacts anyone.

/** What an SMS channel is given for one new notification. */
export type SmsMessage = {
  userId: number;
  displayName: string;
  phone: string | null;
  text: string;
};

export interface SmsChannel {
  readonly name: string;
  send(message: SmsMessage): Promise<void>;
}

/** Minimal logger the channels write to (Fastify's logger and console both fit). */
export type ChannelLogger = { info: (msg: string) => void };

/** Logs "would send SMS to <user>"; sends nothing. The default. */
export class LogOnlySmsChannel implements SmsChannel {
  readonly name = 'log';
  constructor(private readonly logger: ChannelLogger) {}

  async send(message: SmsMessage): Promise<void> {
    this.logger.info(
      `would send SMS to ${message.displayName} (user ${message.userId}${
        message.phone ? `, ${message.phone.slice(0, 3)}****${message.phone.slice(-4)}` : ''
      }): ${message.text}`,
    );
  }
}

/** No SMS at all (in-app only). */
export class NoSmsChannel implements SmsChannel {
  readonly name = 'off';
  async send(): Promise<void> {}
}

export type SmsChannelName = 'log' | 'off';

/** The channel the configuration names. */
export function smsChannelOf(name: SmsChannelName, logger: ChannelLogger): SmsChannel {
  return name === 'off' ? new NoSmsChannel() : new LogOnlySmsChannel(logger);
}
