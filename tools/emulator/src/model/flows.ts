// Architect flows and the jobs that deploy them (Flow, Flowversion, Architectjobstateresponse in the SDK).
import type { DivisionRef, EntityRef } from './common.ts';

export interface FlowVersion {
  id: string;
  name: string;
}

export interface Flow {
  id: string;
  name: string;
  /** The YAML's top-level key, upper-cased (INBOUNDCALL, INQUEUECALL, …). */
  type: string;
  description: string;
  division: DivisionRef;
  active: boolean;
  system: boolean;
  deleted: boolean;
  /** The emulator's stand-in for the SDK's lockedUser/lockedClient: the unlock action clears it. */
  locked: boolean;
  publishedVersion: FlowVersion;
  checkedInVersion: FlowVersion;
  dateModified: string;
  selfUri: string;
}

export interface FlowJobMessage {
  text: string;
  type: string;
  dateTime: string;
}

export interface FlowJob {
  id: string;
  status: 'Created' | 'Success' | 'Failure';
  command: string;
  messages: FlowJobMessage[];
  /** Not in the SDK model; kept because state files have always held it. */
  dateCreated: string;
  selfUri: string;
  flow?: EntityRef;
}

/** An export job (Registerarchitectexportjobresponse, Architectexportjobstateresponse): one flow's YAML. */
export interface FlowExportJob {
  id: string;
  status: 'Success' | 'Failure';
  command: 'export';
  messages: FlowJobMessage[];
  /** The exported flow; the download URL serves its last deployed YAML. */
  flowId?: string;
  selfUri: string;
}
