// genesyscloud_routing_queue: the queue itself. Its members and wrap-up codes are in queue-members.ts and
// queue-wrapupcodes.ts.
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { badRequest, conflict } from '../errors.ts';
import type {
  FilledMediaSettings,
  FilledQueueMediaSettings,
  MediaSettings,
  MediaType,
  Queue,
  QueueMediaSettings,
  QueueRequest,
} from '../model/routing.ts';
import { nameMatches, page } from '../paging.ts';
import { QUEUE, QUEUES } from '../paths.ts';
import { divisionRef } from '../refs.ts';
import { queueRequest } from '../requests/routing.ts';
import { newId, nowIso } from '../state.ts';
import { byName, found, nameTaken, type On } from './util.ts';

const MEDIA: MediaType[] = ['call', 'callback', 'chat', 'email', 'message'];

/** Genesys fills every media type; the provider dereferences these three fields of each block it reads. */
const DEFAULT_MEDIA = {
  alertingTimeoutSeconds: 8,
  serviceLevel: { percentage: 0.8, durationMs: 20000 },
  enableAutoAnswer: false,
};

/** The rules the admin UI enforces and the API answers 400 for; messages say which value and why. */
function validateQueue(request: QueueRequest): void {
  for (const type of MEDIA) {
    const settings = request.mediaSettings?.[type];
    const alerting = settings?.alertingTimeoutSeconds;
    if (alerting !== undefined && alerting < 7) {
      throw badRequest(
        `mediaSettings.${type}.alertingTimeoutSeconds must be at least 7; got ${alerting}.`,
        `mediaSettings.${type}.alertingTimeoutSeconds`,
      );
    }
    const { percentage, durationMs } = settings?.serviceLevel ?? {};
    if (percentage !== undefined && (percentage < 0 || percentage > 1)) {
      throw badRequest(
        `mediaSettings.${type}.serviceLevel.percentage must be between 0 and 1; got ${percentage}.`,
        `mediaSettings.${type}.serviceLevel.percentage`,
      );
    }
    if (durationMs !== undefined && durationMs < 1000) {
      throw badRequest(
        `mediaSettings.${type}.serviceLevel.durationMs must be at least 1000; got ${durationMs}.`,
        `mediaSettings.${type}.serviceLevel.durationMs`,
      );
    }
  }
  const rings = request.bullseye?.rings ?? [];
  if (rings.length > 6)
    throw badRequest(`bullseye.rings allows at most 6 rings; got ${rings.length}.`, 'bullseye.rings');
}

/** Each media block: the defaults, then what the queue had, then what was sent (block by block, not deeper). */
function fill(
  existing: MediaSettings | undefined,
  sent: MediaSettings | undefined,
): FilledMediaSettings<MediaSettings> {
  return { ...DEFAULT_MEDIA, ...existing, ...sent };
}

function mediaSettings(
  sent: Partial<QueueMediaSettings> | undefined,
  existing: FilledQueueMediaSettings | undefined,
): FilledQueueMediaSettings {
  return {
    call: fill(existing?.call, sent?.call),
    callback: fill(existing?.callback, sent?.callback),
    chat: fill(existing?.chat, sent?.chat),
    email: fill(existing?.email, sent?.email),
    message: fill(existing?.message, sent?.message),
  };
}

export function registerQueues(app: FastifyInstance, ctx: EmulatorContext): void {
  const state = () => ctx.store.state;
  const queue = (id: string) => found(state().queues[id], `Queue ${id}`);
  /** A queue as answered: with its member counts. */
  const withCounts = (q: Queue) => {
    const members = state().queueMembers[q.id] ?? [];
    return {
      ...q,
      memberCount: members.length,
      userMemberCount: members.length,
      joinedMemberCount: members.filter((m) => m.joined).length,
    };
  };
  /** A create or update body, checked: a unique name, valid settings, filled media blocks, a division. */
  const configurable = (body: unknown, exceptId?: string, existing?: Queue) => {
    const request = queueRequest(body);
    if (nameTaken(state().queues, request.name, exceptId))
      throw conflict(`A queue named '${request.name}' already exists.`);
    validateQueue(request);
    const { division, ...settings } = request;
    return {
      ...settings,
      mediaSettings: mediaSettings(request.mediaSettings, existing?.mediaSettings),
      division: divisionRef(ctx.store.state, division?.id ?? existing?.division.id),
    };
  };

  // The provider requires exactly 200 here (201 fails its create).
  app.post(QUEUES, async (request) => {
    const id = newId();
    const q: Queue = { ...configurable(request.body), id, dateCreated: nowIso(), selfUri: `${QUEUES}/${id}` };
    state().queues[id] = q;
    state().queueMembers[id] = [];
    state().queueWrapupcodes[id] = [];
    ctx.store.changed();
    return withCounts(q);
  });

  app.get<On<'id'>>(QUEUE, async (request) => withCounts(queue(request.params.id)));

  app.put<On<'id'>>(QUEUE, async (request) => {
    const { id } = request.params;
    const existing = queue(id);
    const q: Queue = {
      ...configurable(request.body, id, existing),
      id,
      dateCreated: existing.dateCreated,
      dateModified: nowIso(),
      selfUri: existing.selfUri,
    };
    state().queues[id] = q;
    ctx.store.changed();
    return withCounts(q);
  });

  app.delete<On<'id'>>(QUEUE, async (request, reply) => {
    const { id } = request.params;
    queue(id);
    if ((state().queueMembers[id]?.length ?? 0) > 0 && request.query.forceDelete !== 'true') {
      throw badRequest('The queue still has members; remove them or delete with forceDelete=true.');
    }
    delete state().queues[id];
    delete state().queueMembers[id];
    delete state().queueWrapupcodes[id];
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.get<On>(QUEUES, async (request) => {
    const query = request.query;
    const list = byName(
      Object.values(state().queues)
        .filter((q) => nameMatches(q.name, query.name))
        .filter((q) => query.hasPeer === undefined || String(Boolean(q.peerId)) === query.hasPeer),
    ).map(withCounts);
    return page(list, query, QUEUES);
  });
}
