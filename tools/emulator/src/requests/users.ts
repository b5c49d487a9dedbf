// Checks for user bodies: create, PATCH, search, routing skills and languages, utilization, voicemail policy.
import { anything, arrayOf, boolean, body, number, objectOf, recordOf, string } from '../check.ts';
import type {
  Contact,
  EmployerInfo,
  LabelUtilization,
  Location,
  MediaUtilization,
  RoutingEntryRequest,
  SearchCriterion,
  UserCreateRequest,
  UserUpdateRequest,
  UtilizationRequest,
  VoicemailPolicy,
} from '../model/users.ts';
import { domainEntityRef } from './common.ts';

const contact = objectOf<Contact>({
  address: string,
  display: string,
  mediaType: string,
  type: string,
  extension: string,
  countryCode: string,
  integration: string,
});

const location = objectOf<Location>({
  id: string,
  floorplanId: string,
  coordinates: recordOf(number),
  notes: string,
  locationDefinition: domainEntityRef,
});

const employerInfo = objectOf<EmployerInfo>({
  officialName: string,
  employeeId: string,
  employeeType: string,
  dateHire: string,
});

// Email and name are required, but checked by the route in the order the emulator always checked them.
export const userCreateRequest = body<UserCreateRequest>({
  name: string,
  email: string,
  department: string,
  title: string,
  addresses: arrayOf(contact),
  divisionId: string,
  state: string,
});

export const userUpdateRequest = body<UserUpdateRequest>({
  name: string,
  department: string,
  title: string,
  acdAutoAnswer: boolean,
  email: string,
  addresses: arrayOf(contact),
  locations: arrayOf(location),
  certifications: arrayOf(string),
  employerInfo,
  state: string,
  profileSkills: arrayOf(string),
  version: number,
  manager: string,
});

export const userSearchRequest = body<{ query?: SearchCriterion[]; pageSize?: number; pageNumber?: number }>({
  query: arrayOf(
    objectOf<SearchCriterion>({
      fields: arrayOf(string),
      value: string,
      values: arrayOf(string),
      type: string,
    }),
  ),
  pageSize: number,
  pageNumber: number,
});

export const routingEntryRequest = objectOf<RoutingEntryRequest>({ id: string, proficiency: anything });

export const utilizationRequest = body<UtilizationRequest>({
  utilization: recordOf(
    objectOf<MediaUtilization>({
      maximumCapacity: number,
      interruptableMediaTypes: arrayOf(string),
      includeNonAcd: boolean,
    }),
  ),
  labelUtilizations: recordOf(
    objectOf<LabelUtilization>({ maximumCapacity: number, interruptingLabelIds: arrayOf(string) }),
  ),
});

export const voicemailPolicyRequest = body<VoicemailPolicy>({
  enabled: boolean,
  alertTimeoutSeconds: number,
  pin: string,
  modifiedDate: string,
  sendEmailNotifications: boolean,
});

export const passwordRequest = body<{ newPassword?: string }>({ newPassword: string });
