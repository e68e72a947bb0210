import { FleetFileError, parseFleet } from "../../src/config/fleet-file.js";
import { parseTimelineText, TimelineError } from "../../src/config/timeline-file.js";
function fleetFileFaults(text, file, env = process.env) {
  try {
    parseFleet(text, file, env);
  } catch (err) {
    if (err instanceof FleetFileError) return err.problems.map((p) => p("fr"));
    throw err;
  }
  return [];
}
function timelineFaults(text, file) {
  try {
    parseTimelineText(text, file);
  } catch (err) {
    if (err instanceof TimelineError) return err.problems.map((p) => p("fr"));
    throw err;
  }
  return [];
}
export {
  fleetFileFaults,
  timelineFaults
};
