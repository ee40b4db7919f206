import { AuditEntry } from './audit-entry.js';
import { CatalogueEntry } from './catalogue-entry.js';
import { Column } from './column.js';
import { Department } from './department.js';
import { Document } from './document.js';
import { Interpretation } from './interpretation.js';
import { Media } from './media.js';
import { Revision } from './revision.js';
import { SiteSettings } from './site-settings.js';
import { User } from './user.js';
import { SyndicationSource } from './syndication-source.js';
import { UpstreamItem } from './upstream-item.js';
import { DisclosureRequest } from './disclosure-request.js';
import { Consultation } from './consultation.js';
import { ConsultationComment } from './consultation-comment.js';
import { ConsultationMeeting } from './consultation-meeting.js';
import { MonitorProbe, MonitorRun, MonitorSettings } from './monitor-run.js';
import { OpinionIncident } from './opinion-incident.js';
import { AnnualReport } from './annual-report.js';
import { SelfInspection } from './self-inspection.js';
import { Message } from './message.js';
import { SignInRecord } from './sign-in-record.js';
import { UserSession } from './user-session.js';
import { UsedFormToken } from './used-form-token.js';
import { ContentRule } from './content-rule.js';
import { OperationLog } from './operation-log.js';
import { VisitDay } from './visit-day.js';
import { WebsiteAnnualReport } from './website-annual-report.js';
import { accessByClass } from '../access/by-class.js';

// On every list: filters reach only what the caller may read, actions check each record (src/access/by-class.ts).
export const lists = accessByClass({
  User, Department, Column, Document, Interpretation, CatalogueEntry, Media, SiteSettings, AuditEntry, Revision,
  SyndicationSource, UpstreamItem, MonitorRun, MonitorProbe, MonitorSettings,
  Message, Consultation, ConsultationComment, ConsultationMeeting, DisclosureRequest, OpinionIncident, AnnualReport, SelfInspection,
  SignInRecord, UserSession, UsedFormToken, ContentRule, OperationLog, VisitDay, WebsiteAnnualReport,
});
