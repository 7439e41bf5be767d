import { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import { badInput } from '../lib/errors';

/**
 * A document may hold several operations (a README block, a client's file of them); then
 * the request must say which to run. Apollo leaves that to the gateway's executor, which
 * answers HTTP 500 as if the system had failed. It is the caller's choice to make, so it is
 * refused here as their mistake, 400 naming `operationName`, before any subgraph is called.
 */
export function operationChoicePlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (operation) return;
          const names = document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? '(anonymous)'] : []));
          const offered = `the document holds ${names.join(', ')}`;
          const error = request.operationName
            ? badInput('operationName', `names no operation of the document: ${offered}`)
            : badInput('operationName', `must name the operation to run: ${offered}`);
          error.extensions.http = { status: 400 };
          throw error;
        },
      };
    },
  };
}
