// What the geographic data build (scripts/data/geography.ts) hands to the
// orchestrator and to incident builders. Pure types.
import type { Geometry } from 'geojson';
import type { BasemapCollection, SitFeature } from '../domain/types.ts';

/** Names of the derived geometries in Geography.derived. */
export const DERIVED_IDS = ['cross-border-fire-zone', 'cross-border-fire-segments', 'front-zone'] as const;
export type DerivedId = (typeof DERIVED_IDS)[number];

export interface Geography {
  /** Countries clipped to the region, Lake Sevan, the Aras, sea labels. */
  basemap: BasemapCollection;
  /** Places, actor seats, countries AZ/AM, regions, lines (not incidents); mentioned: false. */
  features: SitFeature[];
  /**
   * Named geometries incidents can use:
   * - 'cross-border-fire-zone': Polygon/MultiPolygon, the uncertain zone of the reported cross-border fire;
   * - 'cross-border-fire-segments': MultiLineString, the candidate border segments it buffers;
   * - 'front-zone': Polygon, the line of contact buffered by 10 km.
   */
  derived: Record<string, Geometry>;
}
