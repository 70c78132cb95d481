import { z } from 'zod';
import { SECTORS, type Sector } from '../common/sector.js';
import { campaignMilestoneSchema, campaignPhaseSchema, weeklyReportingSchema } from './campaign.js';
import { campaignProgressSchema } from './campaign-progress.js';

/** A campaign as the API returns it, with its progress on the day asked about. */
export const campaignViewSchema = z.object({
  id: z.number(),
  name: z.string(),
  year: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  sectors: z.array(z.enum(SECTORS as [Sector, ...Sector[]])),
  phases: z.array(campaignPhaseSchema),
  weekly: weeklyReportingSchema,
  milestones: z.array(campaignMilestoneSchema),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
  progress: campaignProgressSchema,
  can: z.object({ edit: z.boolean() }),
});
export type CampaignView = z.infer<typeof campaignViewSchema>;
