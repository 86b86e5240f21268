import type { FastifyPluginAsync } from 'fastify';
import { type ImportKind, registerImportKind } from './imports/kinds.ts';
import type { JobHandler, JobRunner } from './jobs/runner.ts';
import { findMetric, type MetricDefinition, registerMetric } from './metrics/registry.ts';
import type { NotificationSource } from './notifications/delivery-loop.ts';

/**
 * What a feature adds to the platform, declared in one place: `src/features/<name>/index.ts` exports exactly one
 * manifest. The platform never imports a feature; the list of manifests is composed above both (src/server.ts) and
 * handed to buildApp and to the job runner. Adding a feature is writing its manifest and appending it to that list.
 */
export interface FeatureManifest {
  /** The feature's folder name, e.g. 'students'; names in logs and errors. */
  name: string;
  /** Fastify plugins mounted under /api/v1, in this order. */
  routes?: readonly FastifyPluginAsync[];
  /** Background job handlers by job kind (the `kind` the feature enqueues, e.g. 'results.close'). */
  jobs?: Readonly<Record<string, JobHandler>>;
  /** Kinds among `jobs` the runner queues as the system once a day, and at start (housekeeping such as clean-ups). */
  dailyJobs?: readonly string[];
  /** Metrics measured from the feature's data (ids of src/domain/dx-index/metric-ids.ts). */
  metrics?: readonly MetricDefinition[];
  /** Excel import/export kinds of the data the feature owns, served by the imports feature. */
  importKinds?: readonly ImportKind[];
  /** Events found at a time of day rather than at a change (the absence notice), run by the notification loop. */
  notificationSources?: readonly NotificationSource[];
}

/**
 * Fills the platform's registries (metrics, import kinds) from the manifests. Called by buildApp, and by the CLI
 * commands that use a feature without the HTTP app (import/export). Registering the same manifests again is a no-op:
 * tests build the app several times in one process.
 */
export function registerFeatures(features: readonly FeatureManifest[]): void {
  assertUniqueNames(features);
  for (const feature of features) {
    for (const metric of feature.metrics ?? []) if (!findMetric(metric.id)) registerMetric(metric);
    for (const kind of feature.importKinds ?? []) registerImportKind(kind);
  }
}

/** Registers every feature's job handlers with the runner (the web process and the CLI each have their own). */
export function registerFeatureJobs(runner: JobRunner, features: readonly FeatureManifest[]): void {
  for (const feature of features) {
    for (const [kind, handler] of Object.entries(feature.jobs ?? {})) runner.register(kind, handler);
    for (const kind of feature.dailyJobs ?? []) runner.registerDaily(kind);
  }
}

/** Every feature's routes, in the order of the list. */
export const featureRoutes = (features: readonly FeatureManifest[]): FastifyPluginAsync[] =>
  features.flatMap((feature) => feature.routes ?? []);

function assertUniqueNames(features: readonly FeatureManifest[]) {
  const seen = new Set<string>();
  for (const { name } of features) {
    if (seen.has(name)) throw new Error(`feature ${name} listed twice`);
    seen.add(name);
  }
}
