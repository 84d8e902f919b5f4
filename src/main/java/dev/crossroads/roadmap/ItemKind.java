package dev.crossroads.roadmap;

/** Which kind of roadmap section an item was found in. */
public enum ItemKind {
    /** Under "Themes" (2022–2023 pages). */
    THEME,
    /** Under "Key areas" (2024 onwards). */
    KEY_AREA,
    /** Under "Launched": already shipped. */
    LAUNCHED,
    /** Under "Dropped": will not be done. */
    DROPPED,
    /** An entry of a "streams of work" list, as on LocalStack's roadmap. */
    STREAM,
    /** Anywhere else that reads like roadmap content. */
    OTHER
}
