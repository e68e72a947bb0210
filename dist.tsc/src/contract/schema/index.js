import { ErrorBody } from './errors.js';
import * as api from './mk6-api.js';
import * as mock from './mock-control.js';
import * as net from './network.js';
import * as tl from './timeline.js';
import * as views from './views.js';
import * as ev from './events.js';
import * as rc from './recette.js';
import * as har from './har.js';
import * as plant from './plant.js';
import * as mk6Clock from './mk6-clock.js';
import * as chaos from './chaos.js';
export * from './errors.js';
export * from './mk6-api.js';
export * from './mock-control.js';
export * from './network.js';
export * from './timeline.js';
export * from './views.js';
export * from './events.js';
export * from './recette.js';
export * from './fleet-file.js';
export * from './har.js';
export * from './plant.js';
export * from './mk6-clock.js';
export * from './chaos.js';
/** The document's components, by `$id`. */
export const COMPONENTS = [
    ErrorBody,
    api.Monitoring, api.SiteView, api.SiteViews, api.PlanningBySite, api.Request, api.Planning, api.NewRequest, api.RequestPatch, api.MainResetResult, api.ExternalConstraint,
    mock.SiteDef, mock.Provision, mock.ProvisionResult, mock.Mk6State, mock.SiteStateBody, mock.SiteState, mock.Online, mock.AuthBody, mock.AuthResult,
    mock.InjectExternal, mock.InjectResult, mock.KillBody, mock.KillResult, mock.RestartBody, mock.RestartResult, mock.Clock, mock.SetTime, mock.SetTimeResult,
    mock.ReleaseResult, mock.Mode, mock.ModeBody, mock.ModeResult, mock.ModeView, mock.ResetResult, mock.BroadcastReport,
    net.NetworkCondition, net.NetworkConditions, net.NetworkChange,
    tl.Timeline, tl.TimelineBody, tl.TimelineEvent,
    views.InventoryEntry, views.Inventory, views.JournalEntry, views.Journal, views.JournalCleared, views.Health, views.Readiness,
    ev.FleetEvent, ev.FleetEvents,
    rc.Recette, rc.Evidence, rc.CheckVerdict, rc.Verdict,
    har.HarEntry, har.Har, har.RecordingBody, har.RecordingView,
    plant.PlantBody, plant.PlantView, plant.History,
    mk6Clock.Mk6ClockBody, mk6Clock.Mk6ClockView,
    chaos.ChaosOptionsBody, chaos.Coverage, chaos.FaultCandidate, chaos.ChaosLoaded,
];
