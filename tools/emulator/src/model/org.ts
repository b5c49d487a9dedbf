// The organization itself (Organization) and its divisions (Authzdivision).

export interface Org {
  id: string;
  name: string;
  defaultCountryCode: string;
  defaultLanguage: string;
  domain: string;
  state: string;
  thirdPartyOrgName: string;
  version: number;
  selfUri: string;
  /** Not in the SDK model; kept because state files have always held it. */
  dateCreated: string;
}

export interface Division {
  id: string;
  name: string;
  description: string;
  homeDivision: boolean;
  selfUri: string;
}
