// The admin's workflows as a library: renew, deploy, report, plan/apply over any WorkflowTarget.
export { openWorkflowTarget, workflowBackends } from './open-workflow-target.js';
export type { OpenTargetOptions } from './open-workflow-target.js';
export type {
  WorkflowTarget,
  CommandRunner,
  OrgInspector,
  OrgServer,
  OrgConnector,
  RunOnServer,
  IssuedCertificate,
} from './workflow-target.js';
export { runStep, findOrgServer, shellFor, WorkflowStepError } from './run-step.js';
export type { WorkflowContext, StepRecord, StepStatus, StepOptions } from './run-step.js';
export { listCertificates, summarizeCertificate } from './certificate-inventory.js';
export type { CertificateSummary } from './certificate-inventory.js';
export { renew } from './renew.js';
export type { RenewOptions, RenewResult } from './renew.js';
export { deploy } from './deploy.js';
export type { DeployOptions, DeployResult } from './deploy.js';
export { forEachServer } from './fan-out.js';
export type { ServerOutcome, FanOutProgress, TargetFanOut } from './fan-out.js';
export { installOnServer } from './install-on-server.js';
export { FILE_DATA_VARIABLE } from './file-data.js';
export { buildReport, checkCertificate } from './report.js';
export type { CertificateReport, ServerReport, ReportCertificate, Finding, ExpiryBand } from './report.js';
export { reportHtml } from './report-html.js';
export { loadDesiredState, desiredStateSchema } from './desired-state.js';
export type { DesiredState, LoadedDesiredState } from './desired-state.js';
export { makePlan } from './plan.js';
export type { Plan, PlannedAction, Refusal } from './plan.js';
export { applyPlan } from './apply.js';
export type { ApplyResult } from './apply.js';
export { getRenewal, putRenewal } from './workflow-journal.js';
