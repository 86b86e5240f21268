import type { Generated } from 'kysely';
import type { CreatedAt, Id, Json, UpdatedAt } from './columns.ts';

export interface AssessmentCatalogueTable {
  id: Id;
  unit_id: string;
  code: string;
  version: string;
  title: string;
  subject_kind: 'school' | 'office';
  content: Json;
  source: 'national' | 'imported';
  created_by: string | null;
  created_at: CreatedAt;
}

export interface AssessmentCampaignTable {
  id: Id;
  unit_id: string;
  catalogue_id: string;
  school_year: string;
  title: string;
  self_assessment_starts_on: string;
  submission_deadline: string;
  external_starts_on: string;
  external_ends_on: string;
  publication_on: string;
  status: Generated<'draft' | 'open' | 'closed' | 'published'>;
  created_by: string | null;
  created_at: CreatedAt;
}

export type AssessmentStatus =
  | 'not_started'
  | 'in_progress'
  | 'approved'
  | 'submitted'
  | 'returned'
  | 'under_review'
  | 'assessed'
  | 'recognised';

export interface AssessmentTable {
  id: Id;
  unit_id: string;
  campaign_id: string;
  status: Generated<AssessmentStatus>;
  self_result: Json;
  external_result: Json;
  approved_by: string | null;
  approved_at: Date | null;
  submitted_at: Date | null;
  recognised_level: number | null;
  recognition_id: string | null;
  /** The last day a submission-deadline reminder went out (0031). */
  last_reminded_on: string | null;
  updated_at: UpdatedAt;
}

export interface AssessmentItemTable {
  id: Id;
  unit_id: string;
  assessment_id: string;
  item_id: string;
  assignee_user_id: string | null;
  answer: Json;
  note: string | null;
  progress: Generated<'todo' | 'in_progress' | 'done'>;
  agreed_answer: Json;
  external_comment: string | null;
  return_comment: string | null;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export interface AssessmentEvidenceTable {
  id: Id;
  unit_id: string;
  assessment_id: string;
  item_id: string;
  kind: 'file' | 'link' | 'metric' | 'text';
  file_id: string | null;
  url: string | null;
  metric_id: string | null;
  metric_snapshot: Json;
  description: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface AssessmentEventTable {
  id: Id;
  unit_id: string;
  assessment_id: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  comment: string | null;
  snapshot: Json;
  actor_user_id: string | null;
  created_at: CreatedAt;
}

export interface AssessmentTeamTable {
  id: Id;
  unit_id: string;
  campaign_id: string;
  name: string;
  created_at: CreatedAt;
}

export interface AssessmentTeamMemberTable {
  id: Id;
  unit_id: string;
  team_id: string;
  user_id: string;
  role: 'head' | 'deputy' | 'secretary' | 'member';
}

export interface AssessmentTeamUnitTable {
  id: Id;
  unit_id: string;
  team_id: string;
  assessed_unit_id: string;
}

export interface RecognitionDecisionTable {
  id: Id;
  unit_id: string;
  campaign_id: string;
  decision_number: string;
  decided_on: string;
  signer_name: string;
  signer_title: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface AssessmentTables {
  assessment_catalogues: AssessmentCatalogueTable;
  assessment_campaigns: AssessmentCampaignTable;
  assessments: AssessmentTable;
  assessment_items: AssessmentItemTable;
  assessment_evidence: AssessmentEvidenceTable;
  assessment_events: AssessmentEventTable;
  assessment_teams: AssessmentTeamTable;
  assessment_team_members: AssessmentTeamMemberTable;
  assessment_team_units: AssessmentTeamUnitTable;
  recognition_decisions: RecognitionDecisionTable;
}
