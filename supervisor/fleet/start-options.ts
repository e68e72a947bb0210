/** `npm start`'s command line and environment (supervisor/main.ts documents the options), read into the fleet's start options. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ENGINES, type EngineName } from '../../src/contract/schema/fleet-file.js';
import type { FleetMode } from '../../src/contract/fleet-controls.js';
import { consoleSay } from '../../src/i18n/console-messages.js';
import { langFromEnvironment, parseLangFlag, type Lang } from '../../src/i18n/lang.js';

export interface StartOptions {
  fleetFile: string;
  port: number | null;
  mode: FleetMode | null;
  stateDir: string | null;
  timeline?: string | null;
  /** The console lines' language. */
  lang: Lang;
  /** null: the fleet file's. */
  engine?: EngineName | null;
  /** The front's listen address; null: the fleet file's. */
  host?: string | null;
}

export function optionsFrom(argv: string[], env: NodeJS.ProcessEnv): StartOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      fleet: { type: 'string' },
      config: { type: 'string' },
      port: { type: 'string' },
      mode: { type: 'string' },
      'state-dir': { type: 'string' },
      timeline: { type: 'string' },
      'log-level': { type: 'string' },
      lang: { type: 'string' },
      engine: { type: 'string' },
      host: { type: 'string' },
    },
    strict: true,
  });
  // Logs: the supervisor's and, through the environment pm2 passes on, every worker's.
  if (values['log-level'] !== undefined) env.LOG_LEVEL = values['log-level'];
  const lang = values.lang === undefined ? langFromEnvironment(undefined, env) : parseLangFlag(values.lang);
  if (lang === null) throw new Error(consoleSay(langFromEnvironment(undefined, env)).badLang(String(values.lang)));
  const say = consoleSay(lang);
  const fleetFile = values.fleet ?? values.config ?? env.MK6_FLEET ?? env.MOCK_MK6_CONFIG_PATH ?? './fleet.yaml';
  const modeText = values.mode ?? env.MOCK_MK6_MODE;
  if (modeText !== undefined && modeText !== 'production' && modeText !== 'mock') {
    throw new Error(say.badMode(modeText));
  }
  const engine = values.engine ?? env.MK6_ENGINE;
  if (engine !== undefined && !(ENGINES as readonly string[]).includes(engine)) throw new Error(say.badEngine(engine));
  const port = values.port === undefined ? null : Number(values.port);
  if (port !== null && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new Error(say.badPort(String(values.port)));
  return { fleetFile: resolve(fleetFile), port, mode: (modeText as FleetMode) ?? null, stateDir: values['state-dir'] ?? env.MK6_STATE_DIR ?? null, timeline: values.timeline ?? null, lang, engine: (engine as EngineName) ?? null, host: values.host ?? env.MK6_PROXY_HOST ?? null };
}
