// Shapes shared by every entity: JSON as parsed, and the references objects embed to each other.

/** A JSON object as a client sent it or a file held it, before anything is known about its fields. */
export type JsonObject = Record<string, unknown>;

/** A reference a client sends (Domainentityref, Writabledivision): every field optional, as in the SDK. */
export interface DomainEntityRef {
  id?: string;
  name?: string;
  selfUri?: string;
}

/** A reference the emulator builds to one of its own objects (Addressableentityref, plus a name when known). */
export interface EntityRef {
  id: string;
  name?: string;
  selfUri: string;
}

/** An object's division as the API embeds it (Division, Starrabledivision): always named. */
export interface DivisionRef {
  id: string;
  name: string;
  selfUri: string;
}
