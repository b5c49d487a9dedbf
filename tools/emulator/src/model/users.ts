// Users and what hangs off them: routing skills and languages, utilization, voicemail policy (User, Createuser,
// Updateuser, Contact, Location, Employerinfo, Userroutingskill, Agentmaxutilizationresponse,
// Voicemailuserpolicy in the SDK).
import type { DivisionRef, DomainEntityRef, EntityRef } from './common.ts';

export interface Contact {
  address?: string;
  display?: string;
  mediaType?: string;
  type?: string;
  extension?: string;
  countryCode?: string;
  integration?: string;
}

export interface Location {
  id?: string;
  floorplanId?: string;
  coordinates?: Record<string, number>;
  notes?: string;
  locationDefinition?: DomainEntityRef;
}

export interface EmployerInfo {
  officialName?: string;
  employeeId?: string;
  employeeType?: string;
  dateHire?: string;
}

/** The fields a PATCH may change (Updateuser), stored as sent. */
export interface UserProfile {
  name?: string;
  department?: string;
  title?: string;
  acdAutoAnswer?: boolean;
  email?: string;
  addresses?: Contact[];
  locations?: Location[];
  certifications?: string[];
  employerInfo?: EmployerInfo;
  state?: string;
  profileSkills?: string[];
}

/** Createuser. */
export interface UserCreateRequest {
  name?: string;
  email?: string;
  department?: string;
  title?: string;
  addresses?: Contact[];
  divisionId?: string;
  state?: string;
}

/** Updateuser: the profile, the version it was read at and a manager by id. */
export interface UserUpdateRequest extends UserProfile {
  version?: number;
  manager?: string;
}

/** A stored user. Deleted users stay, with state "deleted". */
export interface User extends UserProfile {
  id: string;
  name: string;
  email: string;
  username: string;
  state: string;
  addresses: Contact[];
  division: DivisionRef;
  acdAutoAnswer: boolean;
  version: number;
  dateCreated: string;
  selfUri: string;
  manager?: EntityRef;
}

/** A user's routing skill or language, as stored: the answer adds name, state and selfUri. */
export interface RoutingEntry {
  id: string;
  proficiency: number;
}

/** A user's routing skill or language as answered (Userroutingskill, Userroutinglanguage). */
export interface RoutingEntryRef {
  id: string;
  name?: string;
  proficiency: number;
  state: string;
  selfUri: string;
}

/** One entry of a bulk routing skill or language call (Userroutingskillpost, Userroutinglanguagepost). */
export interface RoutingEntryRequest {
  id?: string;
  /** A number in the SDK; the emulator has always read it with Number(), so a numeric string passes. */
  proficiency?: unknown;
}

/** One criterion of a user search (Usersearchcriteria): EXACT or CONTAINS on some fields. */
export interface SearchCriterion {
  fields?: string[];
  value?: string;
  values?: string[];
  type?: string;
}

export interface MediaUtilization {
  maximumCapacity?: number;
  interruptableMediaTypes?: string[];
  includeNonAcd?: boolean;
}

export interface LabelUtilization {
  maximumCapacity?: number;
  interruptingLabelIds?: string[];
}

/** Utilizationrequest. */
export interface UtilizationRequest {
  utilization?: Record<string, MediaUtilization>;
  labelUtilizations?: Record<string, LabelUtilization>;
}

/** Agentmaxutilizationresponse: level "Organization" alone means the user has no override. */
export interface Utilization {
  level: string;
  utilization?: Record<string, MediaUtilization>;
  labelUtilizations?: Record<string, LabelUtilization>;
}

export interface VoicemailPolicy {
  enabled?: boolean;
  alertTimeoutSeconds?: number;
  pin?: string;
  modifiedDate?: string;
  sendEmailNotifications?: boolean;
}
