import { AuditEntry } from '../workflow/lists/audit-entry.js';
import { CatalogueEntry } from '../workflow/lists/catalogue-entry.js';
import { Column } from '../site/lists/column.js';
import { Department } from '../platform/accounts/lists/department.js';
import { Document } from '../workflow/lists/document.js';
import { Interpretation } from '../workflow/lists/interpretation.js';
import { Media } from '../platform/media/lists/media.js';
import { Revision } from '../workflow/lists/revision.js';
import { Notification } from '../workflow/lists/notification.js';
import { SiteSettings } from '../site/lists/site-settings.js';
import { User } from '../platform/accounts/lists/user.js';
import { SyndicationSource } from '../../syndication/lists/syndication-source.js';
import { UpstreamItem } from '../../syndication/lists/upstream-item.js';
import { DisclosureRequest } from '../requests/lists/disclosure-request.js';
import { Consultation } from '../consultation/lists/consultation.js';
import { ConsultationComment } from '../consultation/lists/consultation-comment.js';
import { ConsultationMeeting } from '../consultation/lists/consultation-meeting.js';
import { MonitorProbe, MonitorRun, MonitorSettings } from '../monitor/lists/monitor-run.js';
import { OpinionIncident } from '../incidents/lists/opinion-incident.js';
import { AnnualReport } from '../reports/lists/annual-report.js';
import { SelfInspection } from '../reports/lists/self-inspection.js';
import { Message } from '../mailbox/lists/message.js';
import { SignInRecord } from '../platform/accounts/lists/sign-in-record.js';
import { UserSession } from '../platform/accounts/lists/user-session.js';
import { UsedFormToken } from '../platform/public-forms/lists/used-form-token.js';
import { ContentRule } from '../workflow/lists/content-rule.js';
import { OperationLog } from '../platform/oplog/lists/operation-log.js';
import { VisitDay } from '../site/visits/lists/visit-day.js';
import { SitePublication } from '../site/static/lists/site-publication.js';
import { WebsiteAnnualReport } from '../reports/lists/website-annual-report.js';
import { accessByClass } from '../platform/access/by-class.js';

// On every list: filters reach only what the caller may read, actions check each record (src/platform/access/by-class.ts).
export const lists = accessByClass({
  User,
  Department,
  Column,
  Document,
  Interpretation,
  CatalogueEntry,
  Media,
  SiteSettings,
  AuditEntry,
  Revision,
  Notification,
  SyndicationSource,
  UpstreamItem,
  MonitorRun,
  MonitorProbe,
  MonitorSettings,
  Message,
  Consultation,
  ConsultationComment,
  ConsultationMeeting,
  DisclosureRequest,
  OpinionIncident,
  AnnualReport,
  SelfInspection,
  SignInRecord,
  UserSession,
  UsedFormToken,
  ContentRule,
  OperationLog,
  VisitDay,
  SitePublication,
  WebsiteAnnualReport,
});
