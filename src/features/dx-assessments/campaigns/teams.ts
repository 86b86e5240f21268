import type { SaveTeamInput } from '#contracts/dx-assessments/campaigns.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { inTransaction, type ServiceContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { campaignWith } from '../access.ts';
import { type CampaignRow, usersOfUnit } from '../queries.ts';

/** External-assessment teams (đoàn đánh giá ngoài): members from the office's users and the units they review. */

async function teamsOf(ctx: ServiceContext, campaign: CampaignRow) {
  const teams = await ctx.db
    .selectFrom('assessment_teams')
    .select(['id', 'name'])
    .where('unit_id', '=', campaign.unit_id)
    .where('campaign_id', '=', campaign.id)
    .orderBy('created_at')
    .execute();
  if (teams.length === 0) return [];
  const ids = teams.map((t) => t.id);
  const members = await ctx.db
    .selectFrom('assessment_team_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.team_id', 'm.user_id', 'm.role', 'u.full_name'])
    .where('m.unit_id', '=', campaign.unit_id)
    .where('m.team_id', 'in', ids)
    .execute();
  const units = await ctx.db
    .selectFrom('assessment_team_units as tu')
    .innerJoin('units as u', 'u.id', 'tu.assessed_unit_id')
    .select(['tu.team_id', 'tu.assessed_unit_id', 'u.name'])
    .where('tu.unit_id', '=', campaign.unit_id)
    .where('tu.team_id', 'in', ids)
    .orderBy('u.name')
    .execute();
  const ROLE_ORDER = ['head', 'deputy', 'secretary', 'member'];
  return teams.map((team) => ({
    id: team.id,
    campaignId: campaign.id,
    name: team.name,
    members: members
      .filter((m) => m.team_id === team.id)
      .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role))
      .map((m) => ({ userId: m.user_id, fullName: m.full_name, role: m.role })),
    units: units
      .filter((u) => u.team_id === team.id)
      .map((u) => ({ unitId: u.assessed_unit_id, unitName: u.name })),
  }));
}

async function teamById(ctx: ServiceContext, campaign: CampaignRow, teamId: string) {
  const team = (await teamsOf(ctx, campaign)).find((t) => t.id === teamId);
  if (!team) throw notFound('đoàn đánh giá');
  return team;
}

export async function listTeams(ctx: ServiceContext, campaignId: string) {
  const campaign = await campaignWith(ctx, 'assessments.review', campaignId);
  return teamsOf(ctx, campaign);
}

/** Users of the campaign's office, to pick team members from. */
export async function officeUsers(ctx: ServiceContext, campaignId: string) {
  const campaign = await campaignWith(ctx, 'assessments.review', campaignId);
  return usersOfUnit(ctx.db, campaign.unit_id);
}

async function checkTeam(ctx: ServiceContext, campaign: CampaignRow, input: SaveTeamInput) {
  const staff = new Set((await usersOfUnit(ctx.db, campaign.unit_id)).map((u) => u.id));
  if (input.members.some((m) => !staff.has(m.userId)))
    throw new AppError('validation_failed', 'Thành viên đoàn phải là người của cơ quan tổ chức đánh giá.', {
      members: 'Có thành viên không thuộc cơ quan.',
    });
  if (input.unitIds.length === 0) return;
  const assessed = await ctx.db
    .selectFrom('assessments')
    .select('unit_id')
    .where('campaign_id', '=', campaign.id)
    .where('unit_id', 'in', input.unitIds)
    .execute();
  if (assessed.length !== new Set(input.unitIds).size)
    throw new AppError('validation_failed', 'Đơn vị được đánh giá phải thuộc đợt đánh giá này.', {
      unitIds: 'Có đơn vị không thuộc đợt đánh giá.',
    });
}

async function writeTeam(trx: ServiceContext, campaign: CampaignRow, teamId: string, input: SaveTeamInput) {
  await trx.db
    .deleteFrom('assessment_team_members')
    .where('unit_id', '=', campaign.unit_id)
    .where('team_id', '=', teamId)
    .execute();
  await trx.db
    .deleteFrom('assessment_team_units')
    .where('unit_id', '=', campaign.unit_id)
    .where('team_id', '=', teamId)
    .execute();
  await trx.db
    .insertInto('assessment_team_members')
    .values(
      input.members.map((m) => ({
        unit_id: campaign.unit_id,
        team_id: teamId,
        user_id: m.userId,
        role: m.role,
      })),
    )
    .execute();
  if (input.unitIds.length > 0)
    await trx.db
      .insertInto('assessment_team_units')
      .values(
        [...new Set(input.unitIds)].map((unitId) => ({
          unit_id: campaign.unit_id,
          team_id: teamId,
          assessed_unit_id: unitId,
        })),
      )
      .execute();
}

export async function createTeam(ctx: ServiceContext, campaignId: string, input: SaveTeamInput) {
  const campaign = await campaignWith(ctx, 'assessments.manage', campaignId);
  await checkTeam(ctx, campaign, input);
  const id = await inTransaction(ctx, async (trx) => {
    const team = await trx.db
      .insertInto('assessment_teams')
      .values({ unit_id: campaign.unit_id, campaign_id: campaign.id, name: input.name })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeTeam(trx, campaign, team.id, input);
    await audit(trx, {
      unitId: campaign.unit_id,
      entity: 'assessment_team',
      entityId: team.id,
      action: 'create',
      after: input,
    });
    return team.id;
  });
  return teamById(ctx, campaign, id);
}

async function teamOfOffice(ctx: ServiceContext, teamId: string) {
  const team = await ctx.db
    // scope: loaded by id; access is checked on its campaign's office right after
    .selectFrom('assessment_teams')
    .selectAll()
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (!team) throw notFound('đoàn đánh giá');
  const campaign = await campaignWith(ctx, 'assessments.manage', team.campaign_id);
  return { team, campaign };
}

export async function updateTeam(ctx: ServiceContext, teamId: string, input: SaveTeamInput) {
  const { team, campaign } = await teamOfOffice(ctx, teamId);
  await checkTeam(ctx, campaign, input);
  const before = await teamById(ctx, campaign, teamId);
  await inTransaction(ctx, async (trx) => {
    await trx.db
      .updateTable('assessment_teams')
      .set({ name: input.name })
      .where('unit_id', '=', campaign.unit_id)
      .where('id', '=', team.id)
      .execute();
    await writeTeam(trx, campaign, team.id, input);
    await audit(trx, {
      unitId: campaign.unit_id,
      entity: 'assessment_team',
      entityId: team.id,
      action: 'update',
      before,
      after: input,
    });
  });
  return teamById(ctx, campaign, teamId);
}

export async function deleteTeam(ctx: ServiceContext, teamId: string) {
  const { team, campaign } = await teamOfOffice(ctx, teamId);
  const before = await teamById(ctx, campaign, teamId);
  await inTransaction(ctx, async (trx) => {
    await trx.db
      .deleteFrom('assessment_teams')
      .where('unit_id', '=', campaign.unit_id)
      .where('id', '=', team.id)
      .execute();
    await audit(trx, {
      unitId: campaign.unit_id,
      entity: 'assessment_team',
      entityId: team.id,
      action: 'delete',
      before,
    });
  });
}
