/**
 * The note map as the browser draws it: `graph.json` for the whole site, and the same shape,
 * cut down to one note's neighbourhood, for the local graph. Shared by the build and browser code.
 */
export interface GraphNode {
  id: string;
  title: string;
  topic: string;
  url: string;
}

/** Indexes into `nodes`: five thousand edges stay small. One edge per linked pair, either direction. */
export interface GraphEdge {
  source: number;
  target: number;
}

export interface GraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
}
