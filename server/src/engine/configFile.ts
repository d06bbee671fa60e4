/** Finding and reading the project file (.reslintrc.json) on disk. */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, defaultConfig, parseConfig, type Config, type ConfigProblem } from './config';
import { RULES } from '../rules';
import { ignoreMatcher, type IgnoreMatcher } from './ignores';

export const RULE_IDS = new Set(RULES.map((r) => r.id));

/** The nearest project file at or above `dir`, or null. */
export function findConfigFile(dir: string): string | null {
  let d = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = path.join(d, name);
      if (existsSync(p)) return p;
    }
    const up = path.dirname(d);
    if (up === d) return null;
    d = up;
  }
}

export interface LoadedConfig {
  path: string | null;
  config: Config;
  problems: ConfigProblem[];
  /** whether the project file's `ignores` name a file (absolute, or relative to the working folder) */
  isIgnored: IgnoreMatcher;
}

/** The matcher of a configuration without a project file: nothing is ignored. */
export const NOTHING_IGNORED: IgnoreMatcher = () => false;

/** Reads a project file; relative reference paths are resolved against its folder. */
export function loadConfigFile(file: string): LoadedConfig {
  const text = readFileSync(file, 'utf8');
  const { config, problems } = parseConfig(text, RULE_IDS);
  config.references = config.references.map((r) => path.resolve(path.dirname(file), r));
  return { path: file, config, problems, isIgnored: ignoreMatcher(config.ignores, path.dirname(path.resolve(file))) };
}

export function loadNearestConfig(dir: string): LoadedConfig {
  const file = findConfigFile(dir);
  if (!file) return { path: null, config: defaultConfig(), problems: [], isIgnored: NOTHING_IGNORED };
  return loadConfigFile(file);
}

/** 1-based line and column of an offset, for messages about the project file. */
export function lineColOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) {
    line++;
    last = i + 1;
  }
  return { line, column: offset - last + 1 };
}
