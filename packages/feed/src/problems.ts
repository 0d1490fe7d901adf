/** One thing wrong with a feed, located by a JSON path such as `$.guidelines[2].title`. */
export interface FeedProblem {
  /** JSON path from the root `$`, e.g. `$.actionFields[0].goals[1].measures[2].status[0].status`. */
  path: string;
  /** A plain English sentence. */
  message: string;
  /**
   * Machine-readable kind: "required", "type", "empty", "enum", "pattern", "integer", "minimum",
   * "min-items", "date", "link", "duplicate-id", "duplicate-number", "duplicate-language",
   * "dangling-reference", "language-tag", "missing-default-language", "default-language",
   * "date-order", "max-choices", "unsupported-version".
   */
  code: string;
}
