package dev.crossroads.snapshot;

/** A link an item carries (an RFC, issue, pull request, docs page), as stored with the item. */
public record ItemLink(String text, String url, String kind) {
}
