// Checks for routing bodies: names of skills and languages, wrap-up codes, and queues with every setting the
// SDK's Createqueuerequest holds.
import {
  anything,
  arrayOf,
  boolean,
  jsonObject,
  number,
  objectOf,
  recordOf,
  requiredText,
  string,
  body,
} from '../check.ts';
import type { DomainEntityRef } from '../model/common.ts';
import type {
  AcwSettings,
  AgentOwnedRouting,
  Bullseye,
  CallbackMediaSettings,
  CannedResponseLibraries,
  ExpansionCriterium,
  MediaSettings,
  MemberGroup,
  MessageMediaSettings,
  QueueMediaSettings,
  QueueRequest,
  Ring,
  RoutingRule,
  ServiceLevel,
} from '../model/routing.ts';
import { domainEntityRef } from './common.ts';

/** A skill or a language: only the name is read. */
export const namedRequest = body<{ name: string }>({ name: requiredText });

export const wrapupCodeRequest = body<{ name: string; division?: DomainEntityRef; description?: string }>({
  name: requiredText,
  division: domainEntityRef,
  description: string,
});

const serviceLevel = objectOf<ServiceLevel>({ percentage: number, durationMs: number });

const mediaFields = {
  enableAutoAnswer: boolean,
  alertingTimeoutSeconds: number,
  serviceLevel,
  autoAnswerAlertToneSeconds: number,
  manualAnswerAlertToneSeconds: number,
};

const mediaSettings = objectOf<MediaSettings>(mediaFields);

const callbackMediaSettings = objectOf<CallbackMediaSettings>({
  ...mediaFields,
  mode: string,
  enableAutoDialAndEnd: boolean,
  autoDialDelaySeconds: number,
  autoEndDelaySeconds: number,
  pacingModifier: number,
  maxRetryCount: number,
  retryDelaySeconds: number,
  liveVoiceReactionType: string,
  liveVoiceFlow: domainEntityRef,
  answeringMachineReactionType: string,
  answeringMachineFlow: domainEntityRef,
  edgeGroup: domainEntityRef,
  site: domainEntityRef,
});

const messageMediaSettings = objectOf<MessageMediaSettings>({
  ...mediaFields,
  subTypeSettings: recordOf(jsonObject),
  enableInactivityTimeout: boolean,
  inactivityTimeoutSettings: jsonObject,
});

const queueMediaSettings = objectOf<Partial<QueueMediaSettings>>({
  call: mediaSettings,
  callback: callbackMediaSettings,
  chat: mediaSettings,
  email: mediaSettings,
  message: messageMediaSettings,
});

const memberGroup = objectOf<MemberGroup>({
  id: string,
  name: string,
  division: domainEntityRef,
  type: string,
  memberCount: number,
  selfUri: string,
});

const ring = objectOf<Ring>({
  expansionCriteria: arrayOf(objectOf<ExpansionCriterium>({ type: string, threshold: number })),
  actions: objectOf<NonNullable<Ring['actions']>>({ skillsToRemove: arrayOf(domainEntityRef) }),
  memberGroups: arrayOf(memberGroup),
});

export const queueRequest = body<QueueRequest>({
  name: requiredText,
  division: domainEntityRef,
  mediaSettings: queueMediaSettings,
  description: string,
  routingRules: arrayOf(objectOf<RoutingRule>({ operator: string, threshold: number, waitSeconds: number })),
  bullseye: objectOf<Bullseye>({ rings: arrayOf(ring) }),
  scoringMethod: string,
  lastAgentRoutingMode: string,
  acwSettings: objectOf<AcwSettings>({ wrapupPrompt: string, timeoutMs: number }),
  skillEvaluationMethod: string,
  memberGroups: arrayOf(memberGroup),
  queueFlow: domainEntityRef,
  emailInQueueFlow: domainEntityRef,
  messageInQueueFlow: domainEntityRef,
  whisperPrompt: domainEntityRef,
  onHoldPrompt: domainEntityRef,
  autoAnswerOnly: boolean,
  cannedResponseLibraries: objectOf<CannedResponseLibraries>({ libraryIds: arrayOf(string), mode: string }),
  enableTranscription: boolean,
  enableAudioMonitoring: boolean,
  enableManualAssignment: boolean,
  agentOwnedRouting: objectOf<AgentOwnedRouting>({
    enableAgentOwnedCallbacks: boolean,
    maxOwnedCallbackHours: number,
    maxOwnedCallbackDelayHours: number,
  }),
  callingPartyName: string,
  callingPartyNumber: string,
  peerId: string,
  sourceQueueId: string,
  suppressInQueueCallRecording: boolean,
  conditionalGroupRouting: jsonObject,
  conditionalGroupActivation: jsonObject,
  directRouting: jsonObject,
  defaultScripts: recordOf(jsonObject),
  outboundMessagingAddresses: jsonObject,
  outboundEmailAddress: jsonObject,
});

/** One entry of the join/unjoin call (Queuemember). */
export const memberEntry = objectOf<{ id?: string; joined?: boolean }>({ id: string, joined: boolean });

/** PATCH of one member: ringNumber is read with Number(), as the emulator always did. */
export const memberUpdate = body<{ ringNumber?: unknown; joined?: boolean }>({
  ringNumber: anything,
  joined: boolean,
});
