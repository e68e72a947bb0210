/** The faults a fleet file or a timeline reports, in French (the wording the tests quote); none when it is accepted. */
import { FleetFileError, parseFleet } from '../../src/config/fleet-file.js';
import { parseTimelineText, TimelineError } from '../../src/config/timeline-file.js';

export function fleetFileFaults(text: string, file: string, env: NodeJS.ProcessEnv = process.env): string[] {
  try {
    parseFleet(text, file, env);
  } catch (err) {
    if (err instanceof FleetFileError) return err.problems.map((p) => p('fr'));
    throw err;
  }
  return [];
}

export function timelineFaults(text: string, file: string): string[] {
  try {
    parseTimelineText(text, file);
  } catch (err) {
    if (err instanceof TimelineError) return err.problems.map((p) => p('fr'));
    throw err;
  }
  return [];
}
