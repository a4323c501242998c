import { localGraphData } from '../../corpus/graph-data';
import { groupFileRoute } from '../../corpus/group-files';
import { noteUrl } from '../../lib/urls';

/**
 * Each note and its neighbours for the local graph, a group of notes to a file
 * (`local-graph/kafka-0.json`: note id → nodes and edges). Fetched when the reader opens the map,
 * so a page that keeps it closed pays nothing.
 */
export const { getStaticPaths, GET } = groupFileRoute((ids, { graph, noteById }) => {
  const titleOf = (other: string) => noteById.get(other)?.data.title;
  return Object.fromEntries(ids.map((id) => [id, localGraphData(graph, id, titleOf, noteUrl)]));
});
