import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

const SENSITIVE_KEYS = [
  'email', 'phone', 'address', 'shipping_address', 'billing_address', 'addresses', 'line1', 'line2', 'postal_code',
  'token', 'customer_token', 'password', 'secret', 'api_key', 'apiKey', 'authorization', 'cookie',
  'card', 'cvc', 'payment_method', 'shared_payment_granted_token',
];

// pino's redaction is path based, so list each sensitive key at the depths our log lines use.
const REDACT_PATHS = SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`])
  .concat(['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie']);

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;
const LONG_DIGITS = /\b\d{12,19}\b/g;

/** Scrubs emails and card-like digit runs from free text, for messages that interpolate user input. */
export function scrubText(text: string): string {
  return text.replace(EMAIL, '[email]').replace(LONG_DIGITS, '[digits]');
}

export function createLogger(options: { level: string; pretty?: boolean }, destination?: DestinationStream): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'shopkeeper' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destination ?? pino.destination({ dest: 2, sync: false }),
  );
}
