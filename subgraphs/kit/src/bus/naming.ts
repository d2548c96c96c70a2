import { contextOf, contexts, streamOfContext, type Context, type Subject } from '@drobble/schema/events';

/**
 * Names on the wire. Without a namespace they are the house names: stream `CATALOG` holds
 * `catalog.>`, dead letters go to `dlq.<durable>.<subject>` in stream `DLQ`. A namespace (parallel
 * test runs, several environments on one NATS) prefixes every subject with `<ns>.` and every stream
 * and consumer-visible name with `<ns>_`, so namespaces never see each other's messages.
 */
export interface Naming {
  readonly namespace: string | undefined;
  streamOfContext(context: Context): string;
  streamOfSubject(subject: Subject): string;
  /** The subject a message is published on. */
  wire(subject: Subject): string;
  readonly dlqStream: string;
  /** `dlq.<durable>.<subject>` (namespaced). */
  dlqSubject(durable: string, subject: string): string;
  /** A filter for one durable's dead letters, or all of them. */
  dlqFilter(durable?: string): string;
  /** The subjects a context's stream captures. */
  contextFilter(context: Context): string;
}

const token = /^[A-Za-z0-9_-]+$/;

export function assertToken(kind: string, value: string): void {
  if (!token.test(value)) throw new Error(`${kind} "${value}" must match ${token} (no dots, spaces or wildcards)`);
}

export function createNaming(namespace?: string): Naming {
  if (namespace !== undefined) assertToken('bus namespace', namespace);
  // `<ns>.>` must not overlap the un-namespaced streams (`catalog.>`, `dlq.>`, ...).
  if (namespace === 'dlq' || (contexts as readonly string[]).includes(namespace ?? '')) throw new Error(`bus namespace "${namespace}" is reserved`);
  const subjectPrefix = namespace ? `${namespace}.` : '';
  const streamPrefix = namespace ? `${namespace}_` : '';
  const stream = (context: string) => `${streamPrefix}${streamOfContext(context)}`;
  return {
    namespace,
    streamOfContext: stream,
    streamOfSubject: (subject) => stream(contextOf(subject)),
    wire: (subject) => `${subjectPrefix}${subject}`,
    dlqStream: `${streamPrefix}DLQ`,
    dlqSubject: (durable, subject) => `${subjectPrefix}dlq.${durable}.${subject}`,
    dlqFilter: (durable) => (durable ? `${subjectPrefix}dlq.${durable}.>` : `${subjectPrefix}dlq.>`),
    contextFilter: (context) => `${subjectPrefix}${context}.>`,
  };
}

/** One JetStream consumer per (durable, subject): nats-server 2.9 has no multi-subject filters. */
export function consumerName(durable: string, subject: Subject): string {
  return `${durable}__${subject.replaceAll('.', '_')}`;
}

/** The contexts whose streams a set of subjects lives in. */
export function contextsOf(subjects: readonly Subject[]): Context[] {
  return [...new Set(subjects.map((subject) => contextOf(subject) as Context))];
}
