/**
 * GraphiQL from local assets: React and GraphiQL bundled from node_modules
 * (web/build.mjs), talking to this server's /graphql, with the example
 * queries of the README preloaded as tabs.
 */
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { createRoot } from 'react-dom/client';
import { EXAMPLES } from './examples.js';

const fetcher = createGraphiQLFetcher({ url: `${location.origin}/graphql` });
createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL fetcher={fetcher} defaultTabs={EXAMPLES} defaultEditorToolsVisibility={false} shouldPersistHeaders={false} />,
);
