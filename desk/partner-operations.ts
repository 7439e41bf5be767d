import { print, type DocumentNode } from 'graphql';
import { PARTNER_FOLDERS } from '../gateway/operations';
import type { OrganisationKind } from '../lib/auth/organisations';
import {
  DeskAcceptPlanConflictDocument,
  DeskAcknowledgePlanConflictDocument,
  DeskConflictInboxDocument,
  DeskPersonPlanDocument,
  DeskWithdrawPlanConflictAcceptanceDocument,
} from './src/gql/graphql';

/**
 * The desk's documents that partner agencies' users send, registered as their operations.
 * In production a partner (Arbetsförmedlingen, Migrationsverket, an Sfi school, a provider)
 * may run only the files under `operations/partners/<agency>/`, so the desk works for them
 * there only with these registered too; the city's own users (districts, Jobbtorg, the
 * city's functions) may send any document. The files are written from the desk's typed
 * documents (`desk/src/gql/`, the client preset) by `scripts/desk-operations.ts`, and a unit
 * test fails when they are stale: a change to one of these documents is a change to what a
 * partner may run, reviewed as such.
 */

type PartnerKind = keyof typeof PARTNER_FOLDERS;

/** Who plans activities of their own, and so has conflicts in an inbox and may settle them. */
const PLANNING_PARTNERS: PartnerKind[] = ['AF', 'SFI', 'PROVIDER'];

interface DeskOperation {
  document: DocumentNode;
  /** Where in the desk it is written, for the reviewer. */
  source: string;
  kinds: PartnerKind[];
}

/** What a partner does in the desk: find a person and see the shared plan; the inbox and settling for those who plan. */
export const DESK_PARTNER_OPERATIONS: readonly DeskOperation[] = [
  { document: DeskPersonPlanDocument, source: 'desk/src/views/Person.tsx', kinds: ['AF', 'MIGRATIONSVERKET', 'SFI', 'PROVIDER'] },
  { document: DeskConflictInboxDocument, source: 'desk/src/conflicts/Inbox.tsx', kinds: PLANNING_PARTNERS },
  { document: DeskAcknowledgePlanConflictDocument, source: 'desk/src/conflicts/ConflictPanel.tsx', kinds: PLANNING_PARTNERS },
  { document: DeskAcceptPlanConflictDocument, source: 'desk/src/conflicts/ConflictPanel.tsx', kinds: PLANNING_PARTNERS },
  { document: DeskWithdrawPlanConflictAcceptanceDocument, source: 'desk/src/conflicts/ConflictPanel.tsx', kinds: PLANNING_PARTNERS },
];

/**
 * The prefix of these operations' names, and so of their registered files
 * (`operations/partners/<agency>/Desk<Operation>.graphql`, named after the operation as every
 * registered file is): a log's operation name says the desk sent it.
 */
export const DESK_FILE_PREFIX = 'Desk';

function operationName(document: DocumentNode): string {
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
  if (!operation || operation.kind !== 'OperationDefinition' || !operation.name?.value.startsWith(DESK_FILE_PREFIX)) {
    throw new Error(`a desk document a partner sends must name its operation ${DESK_FILE_PREFIX}…`);
  }
  return operation.name.value;
}

/** The registered files the desk's documents make, by path under `operations/partners/`, and their text. */
export function deskOperationFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const { document, source, kinds } of DESK_PARTNER_OPERATIONS) {
    const name = operationName(document);
    const text = `# The desk's ${name} (${source}), so the agency's users can use the desk in production.\n# Written by scripts/desk-operations.ts from desk/src/gql/: do not edit.\n${print(document)}\n`;
    for (const kind of kinds as OrganisationKind[]) files.set(`${PARTNER_FOLDERS[kind]}/${name}.graphql`, text);
  }
  return files;
}
