// Routing objects: skills, languages, wrap-up codes, and queues with their settings and members. Field names
// and types follow the SDK models (Routingskill, Language, Wrapupcode, Createqueuerequest, Queue, Queuemember).
import type { DivisionRef, DomainEntityRef, JsonObject } from './common.ts';

/** Routingskill. version is a string here, unlike a user's. */
export interface Skill {
  id: string;
  name: string;
  state: string;
  version: string;
  dateModified: string;
  selfUri: string;
}

/** Language: the same fields as Routingskill. */
export type Language = Skill;

export interface WrapupCode {
  id: string;
  name: string;
  division: DivisionRef;
  description?: string;
  dateCreated: string;
  /** The SDK model has a string here; the emulator has always answered an object, which the SDK ignores. */
  createdBy: { id: string };
  selfUri: string;
}

export interface ServiceLevel {
  percentage?: number;
  durationMs?: number;
}

/** Mediasettings (call, chat, email). */
export interface MediaSettings {
  enableAutoAnswer?: boolean;
  alertingTimeoutSeconds?: number;
  serviceLevel?: ServiceLevel;
  autoAnswerAlertToneSeconds?: number;
  manualAnswerAlertToneSeconds?: number;
}

export interface CallbackMediaSettings extends MediaSettings {
  mode?: string;
  enableAutoDialAndEnd?: boolean;
  autoDialDelaySeconds?: number;
  autoEndDelaySeconds?: number;
  pacingModifier?: number;
  maxRetryCount?: number;
  retryDelaySeconds?: number;
  liveVoiceReactionType?: string;
  liveVoiceFlow?: DomainEntityRef;
  answeringMachineReactionType?: string;
  answeringMachineFlow?: DomainEntityRef;
  edgeGroup?: DomainEntityRef;
  site?: DomainEntityRef;
}

export interface MessageMediaSettings extends MediaSettings {
  /** Stored and echoed as sent; the emulator gives them no behaviour. */
  subTypeSettings?: Record<string, JsonObject>;
  enableInactivityTimeout?: boolean;
  inactivityTimeoutSettings?: JsonObject;
}

/** Queuemediasettings. */
export interface QueueMediaSettings {
  call: MediaSettings;
  callback: CallbackMediaSettings;
  chat: MediaSettings;
  email: MediaSettings;
  message: MessageMediaSettings;
}

export type MediaType = keyof QueueMediaSettings;

/** A stored media block: Genesys fills these three for every media type, and the provider dereferences them. */
export type FilledMediaSettings<T extends MediaSettings> = T &
  Required<Pick<MediaSettings, 'alertingTimeoutSeconds' | 'serviceLevel' | 'enableAutoAnswer'>>;

export type FilledQueueMediaSettings = { [K in MediaType]: FilledMediaSettings<QueueMediaSettings[K]> };

export interface AcwSettings {
  wrapupPrompt?: string;
  timeoutMs?: number;
}

export interface RoutingRule {
  operator?: string;
  threshold?: number;
  waitSeconds?: number;
}

export interface MemberGroup {
  id?: string;
  name?: string;
  division?: DomainEntityRef;
  type?: string;
  memberCount?: number;
  selfUri?: string;
}

export interface ExpansionCriterium {
  type?: string;
  threshold?: number;
}

export interface Ring {
  expansionCriteria?: ExpansionCriterium[];
  actions?: { skillsToRemove?: DomainEntityRef[] };
  memberGroups?: MemberGroup[];
}

export interface Bullseye {
  rings?: Ring[];
}

export interface AgentOwnedRouting {
  enableAgentOwnedCallbacks?: boolean;
  maxOwnedCallbackHours?: number;
  maxOwnedCallbackDelayHours?: number;
}

export interface CannedResponseLibraries {
  libraryIds?: string[];
  mode?: string;
}

/**
 * The queue configuration a client sends (Createqueuerequest) and the emulator stores as sent. Fields a client
 * sends that are not listed here are stored and echoed too, as the emulator always did.
 */
export interface QueueSettings {
  description?: string;
  routingRules?: RoutingRule[];
  bullseye?: Bullseye;
  scoringMethod?: string;
  lastAgentRoutingMode?: string;
  acwSettings?: AcwSettings;
  skillEvaluationMethod?: string;
  memberGroups?: MemberGroup[];
  queueFlow?: DomainEntityRef;
  emailInQueueFlow?: DomainEntityRef;
  messageInQueueFlow?: DomainEntityRef;
  whisperPrompt?: DomainEntityRef;
  onHoldPrompt?: DomainEntityRef;
  autoAnswerOnly?: boolean;
  cannedResponseLibraries?: CannedResponseLibraries;
  enableTranscription?: boolean;
  enableAudioMonitoring?: boolean;
  enableManualAssignment?: boolean;
  agentOwnedRouting?: AgentOwnedRouting;
  callingPartyName?: string;
  callingPartyNumber?: string;
  peerId?: string;
  sourceQueueId?: string;
  suppressInQueueCallRecording?: boolean;
  // Stored and echoed as sent; the emulator gives them no behaviour.
  conditionalGroupRouting?: JsonObject;
  conditionalGroupActivation?: JsonObject;
  directRouting?: JsonObject;
  defaultScripts?: Record<string, JsonObject>;
  outboundMessagingAddresses?: JsonObject;
  outboundEmailAddress?: JsonObject;
}

/** A create or update body: the settings, a name, and the media blocks and division the emulator completes. */
export interface QueueRequest extends QueueSettings {
  name: string;
  division?: DomainEntityRef;
  mediaSettings?: Partial<QueueMediaSettings>;
}

/** A stored queue. Member counts are not stored: each answer counts the members. */
export interface Queue extends QueueSettings {
  id: string;
  name: string;
  division: DivisionRef;
  mediaSettings: FilledQueueMediaSettings;
  dateCreated: string;
  dateModified?: string;
  selfUri: string;
}

/** A user's membership of a queue, as stored; answers render it as a Queuemember. */
export interface QueueMember {
  id: string;
  ringNumber: number;
  joined: boolean;
}
