import { existsSync } from 'node:fs';
import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { runAnalyze } from '../cli/analyze-command.js';
import { runAudit } from '../cli/audit-command.js';
import { runCheck } from '../cli/check-command.js';
import { type AppIO, startApp } from './compose.js';

const USAGE = `briefbot: a news-briefing bot for Discord, Slack and the terminal

Usage:
  briefbot [start]            serve the configured platforms (the terminal shell when none is)
  briefbot check [DIR]        validate a folder of briefings (default ./briefings); exit 1 on problems
  briefbot analyze FILE|-     analyse a briefing or plain text (--format json, --sentences N, --jsonl)
  briefbot audit              print the moderation log (--slug S, --since 7d|2026-11-01, --json)
  briefbot COMMAND --help     help for one command

Configuration comes from the environment and ./.env; see .env.example.`;

const START_HELP = `briefbot start: serve the configured platforms.

With DISCORD_TOKEN/DISCORD_APP_ID, Discord; with SLACK_BOT_TOKEN/SLACK_SIGNING_SECRET, Slack;
with neither, or BRIEFBOT_SHELL=on, the terminal shell: a prompt on a terminal, or one command per input
line when piped (printf '/briefing korea-japan\\n' | npm start --silent).`;

function readConfig(io: AppIO): Config | undefined {
  // Real environment variables win over .env, as with dotenv.
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr.write(`${e.message}\n`);
      return undefined;
    }
    throw e;
  }
}

/** The CLI: returns the process exit code. */
export async function main(argv: readonly string[], io: AppIO): Promise<number> {
  const [first, ...rest] = argv;
  const command = first === undefined || first.startsWith('-') ? 'start' : first;
  const args = first === undefined || first.startsWith('-') ? argv : rest;
  if (command === 'help' || (command === 'start' && (args.includes('--help') || args.includes('-h')) && first !== 'start')) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  switch (command) {
    case 'start': {
      if (args.includes('--help') || args.includes('-h')) {
        io.stdout.write(`${START_HELP}\n`);
        return 0;
      }
      const config = readConfig(io);
      if (!config) return 2;
      const app = await startApp(config, io);
      const onSignal = (signal: string) => {
        app.logger.info({ signal }, 'shutting down');
        void app.stop();
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      await app.done;
      await app.stop();
      return 0;
    }
    case 'check':
      return runCheck(args, io);
    case 'audit':
      return runAudit(args, io, () => readConfig(io));
    case 'analyze':
      return runAnalyze(args, io);
    default:
      io.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
      return 2;
  }
}
