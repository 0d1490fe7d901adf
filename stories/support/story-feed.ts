/**
 * The skeleton of the stories' in-memory feeds: the Hannover strategy with every section empty.
 * Each story module fills the section its widget shows (timeline, action fields, polls).
 */

/** A strategy feed that @wir/feed accepts: `sections` replace the empty ones, `strategy` adds fields. */
export function storyFeed(sections: object = {}, strategy: object = {}): object {
  return {
    schemaVersion: '1.0',
    strategy: {
      id: 'wir-stories',
      title: { de: 'WIR sind Hannover – Zusammenleben in der Stadt', en: 'WE are Hannover – Living together in the city', ar: 'نحن هانوفر – العيش معًا في المدينة' },
      publisher: 'Landeshauptstadt Hannover',
      ...strategy,
      languages: ['de', 'en', 'tr', 'ar', 'ru', 'uk'],
      defaultLanguage: 'de',
      updated: '2026-11-01',
    },
    guidelines: [],
    crossCuttingThemes: [],
    groups: [],
    actionFields: [],
    priorities: [],
    participation: { figures: [] },
    timeline: [],
    polls: [],
    ...sections,
  };
}
