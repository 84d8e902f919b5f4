package dev.crossroads.roadmap;

/** Where a documented feature's name was read from, most authoritative first. */
public enum TitleSource {
    /** {@code Title: path} in the mkdocs nav. */
    NAV,
    /** The {@code title:} of the page's front matter. */
    FRONT_MATTER,
    /** The page's first H1. */
    H1,
    /** The features table on the docs home page. */
    TABLE,
    /** Nothing better: the page's file name. */
    PATH
}
