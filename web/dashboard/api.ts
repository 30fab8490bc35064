/**
 * The dashboard's one way to the data: POST /graphql on this server, the
 * same public API any dashboard uses.
 */

/** A GraphQL error as the API words it (a message safe to show, a QRM_ERR_* code). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** Runs a query; throws ApiError with the API's first message when it answers with errors. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`the API answered ${res.status} without a GraphQL response`, undefined);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code);
  if (!body.data) throw new ApiError(`the API answered ${res.status} with no data`, undefined);
  return body.data;
}

export interface Source {
  collection: string;
  path: string;
  startLine: number;
  endLine: number;
  url: string | null;
}
export interface MeetingRef {
  id: string;
  collection: string;
  path: string;
  title: string;
  date: string | null;
  series: string;
}
export interface PersonRef {
  id: string;
  name: string;
}
export interface Passage {
  text: string;
  speaker: PersonRef | null;
  source: Source;
}
export interface Decision {
  id: string;
  text: string;
  meeting: MeetingRef;
  people: PersonRef[];
  source: Source;
}
export interface ActionItem {
  id: string;
  text: string;
  owner: PersonRef | null;
  ownerGroup: string | null;
  meeting: MeetingRef;
  source: Source;
}
export interface Reference {
  id: string;
  kind: string;
  url: string | null;
  title: string | null;
}
export interface Discussion {
  meeting: MeetingRef;
  people: PersonRef[];
  passages: Passage[];
}
export interface FollowUp {
  reference: Reference;
  firstMeeting: MeetingRef;
}
export interface TimelineEntry {
  meeting: MeetingRef;
  passages: Passage[];
  decisions: Decision[];
}

/** Fragments the pages share. */
export const F = {
  meeting: 'fragment M on Meeting { id collection path title date series }',
  source: 'fragment S on Source { collection path startLine endLine url }',
};
