import { z } from 'zod';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const intWithDefault = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const url = (what: string) =>
  optionalText.refine((v) => {
    if (v === undefined) return true;
    try {
      new URL(v);
      return true;
    } catch {
      return false;
    }
  }, `must be a URL (${what})`);

/** A Discord id (a snowflake): a name or a mention in its place would simply never match. */
const snowflake = (what: string) => optionalText.refine((v) => v === undefined || /^\d{15,21}$/.test(v), `must be a ${what} id, the number Discord copies with Developer Mode on (Copy ID)`);

/** Slack user ids (U0123ABCD, or W... in Enterprise Grid), comma- or space-separated. */
const idList = optionalText
  .transform((v) => (v ? v.split(/[\s,]+/).filter(Boolean) : []))
  .superRefine((ids, ctx) => {
    for (const id of ids) {
      if (!/^[UW][A-Z0-9]{2,}$/.test(id)) ctx.addIssue({ code: 'custom', message: `"${id.slice(0, 40)}" is not a Slack user id such as U0123ABCD (profile → ⋮ → Copy member ID)` });
    }
  });

const envSchema = z
  .object({
    NODE_ENV: optionalText,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
    BRIEFINGS_DIR: z.string().default('./briefings'),
    BRIEFING_MAX_BYTES: intWithDefault(200 * 1024, 1024, 50 * 1024 * 1024),
    DATABASE_URL: url('postgres://user:password@host:5432/db, or unset for SQLite'),
    SQLITE_PATH: z.string().default('./data/briefbot.db'),
    PORT: intWithDefault(3000, 0, 65535),
    HTTP_HOST: z.string().default('0.0.0.0'),
    HTTP_SERVER: z.enum(['auto', 'on', 'off']).default('auto'),
    DISCORD_GATEWAY: z.enum(['auto', 'on', 'off']).default('auto'),
    DISCORD_TOKEN: optionalText,
    DISCORD_APP_ID: optionalText,
    DISCORD_GUILD_ID: snowflake('server'),
    DISCORD_PUBLIC_KEY: optionalText.refine((v) => v === undefined || /^[0-9a-f]{64}$/i.test(v), 'must be the 64 hex digits shown as "Public Key" in the Discord developer portal'),
    DISCORD_API_URL: url('Discord REST base, e.g. https://discord.com/api'),
    DISCORD_MODERATOR_ROLE_ID: snowflake('role'),
    SLACK_BOT_TOKEN: optionalText,
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText,
    SLACK_API_URL: url('Slack Web API base, e.g. https://slack.com/api/'),
    SLACK_MODERATOR_IDS: idList,
    BRIEFBOT_SHELL: z.enum(['auto', 'on', 'off']).default('auto'),
    SHELL_USER: z.string().default('local'),
    DIGESTS: z.enum(['on', 'off']).default('on'),
    DIGEST_CATCHUP_HOURS: intWithDefault(6, 0, 168),
    RATE_LIMIT_COMMANDS: intWithDefault(10, 0, 100_000),
    RATE_LIMIT_WINDOW_SECONDS: intWithDefault(10, 1, 3600),
    SHUTDOWN_TIMEOUT_MS: intWithDefault(10_000, 0, 600_000),
  });

type RawEnv = Readonly<Record<string, string | undefined>>;

/** Checks across variables, run on the raw values so they are reported beside field errors. */
function crossProblems(raw: RawEnv): string[] {
  const set = (k: string) => (raw[k] ?? '').trim() !== '';
  const out: string[] = [];
  if (set('DISCORD_TOKEN') !== set('DISCORD_APP_ID')) {
    out.push(`${set('DISCORD_TOKEN') ? 'DISCORD_APP_ID' : 'DISCORD_TOKEN'}: DISCORD_TOKEN and DISCORD_APP_ID go together`);
  }
  if (set('DISCORD_PUBLIC_KEY') && !set('DISCORD_APP_ID')) out.push('DISCORD_APP_ID: DISCORD_PUBLIC_KEY (HTTP interactions) needs DISCORD_APP_ID');
  if (set('SLACK_BOT_TOKEN') !== set('SLACK_SIGNING_SECRET')) {
    out.push(`${set('SLACK_BOT_TOKEN') ? 'SLACK_SIGNING_SECRET' : 'SLACK_BOT_TOKEN'}: SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET go together`);
  }
  if (set('SLACK_APP_TOKEN') && !set('SLACK_BOT_TOKEN')) out.push('SLACK_BOT_TOKEN: SLACK_APP_TOKEN (Socket Mode) needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET');
  // Discord configured but reachable by neither the gateway nor HTTP would start and never answer.
  const discordOn = set('DISCORD_TOKEN') && set('DISCORD_APP_ID');
  const value = (k: string) => (raw[k] ?? '').trim();
  if (discordOn && value('DISCORD_GATEWAY') === 'off' && !set('DISCORD_PUBLIC_KEY')) {
    out.push('DISCORD_GATEWAY: off leaves Discord unserved without DISCORD_PUBLIC_KEY (HTTP interactions); set the key, or leave DISCORD_GATEWAY at auto');
  }
  const slackOverHttp = set('SLACK_BOT_TOKEN') && !set('SLACK_APP_TOKEN');
  if (discordOn && set('DISCORD_PUBLIC_KEY') && value('HTTP_SERVER') === 'off' && !slackOverHttp) {
    out.push('HTTP_SERVER: off serves no HTTP port, but DISCORD_PUBLIC_KEY has Discord send every interaction to POST /discord/interactions on it; leave HTTP_SERVER at auto');
  }
  if (set('DATABASE_URL') && !/^postgres(ql)?:\/\//.test((raw.DATABASE_URL ?? '').trim())) {
    out.push('DATABASE_URL: must start with postgres:// (leave it unset for SQLite)');
  }
  return out;
}

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env;
  discord: { token: string; appId: string; guildId?: string; publicKey?: string; apiUrl?: string; moderatorRoleId?: string } | undefined;
  slack: { botToken: string; signingSecret: string; appToken?: string; apiUrl?: string; moderatorIds: string[] } | undefined;
  /** The shell runs when asked, or by default when no chat platform is configured. */
  shell: boolean;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates the whole environment once; lists every problem at once. */
export function loadConfig(source: RawEnv): Config {
  // "LOG_LEVEL=" in a .env means unset, for every variable, not an invalid or empty value.
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v === undefined || v.trim() !== '')));
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`)),
    ...crossProblems(source),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const env = parsed.data;
  const discord =
    env.DISCORD_TOKEN && env.DISCORD_APP_ID
      ? {
          token: env.DISCORD_TOKEN,
          appId: env.DISCORD_APP_ID,
          ...(env.DISCORD_GUILD_ID && { guildId: env.DISCORD_GUILD_ID }),
          ...(env.DISCORD_PUBLIC_KEY && { publicKey: env.DISCORD_PUBLIC_KEY }),
          ...(env.DISCORD_API_URL && { apiUrl: env.DISCORD_API_URL }),
          ...(env.DISCORD_MODERATOR_ROLE_ID && { moderatorRoleId: env.DISCORD_MODERATOR_ROLE_ID }),
        }
      : undefined;
  const slack =
    env.SLACK_BOT_TOKEN && env.SLACK_SIGNING_SECRET
      ? {
          botToken: env.SLACK_BOT_TOKEN,
          signingSecret: env.SLACK_SIGNING_SECRET,
          ...(env.SLACK_APP_TOKEN && { appToken: env.SLACK_APP_TOKEN }),
          ...(env.SLACK_API_URL && { apiUrl: env.SLACK_API_URL }),
          moderatorIds: env.SLACK_MODERATOR_IDS,
        }
      : undefined;
  const shell = env.BRIEFBOT_SHELL === 'on' || (env.BRIEFBOT_SHELL === 'auto' && !discord && !slack);
  return { env, discord, slack, shell };
}

/** Every secret the configuration holds, for the log redactor. */
export function secretsOf(config: Config): string[] {
  return [config.discord?.token, config.slack?.botToken, config.slack?.signingSecret, config.slack?.appToken, config.env.DATABASE_URL]
    .filter((s): s is string => !!s && s.length >= 8);
}
