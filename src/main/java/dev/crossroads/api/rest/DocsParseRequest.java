package dev.crossroads.api.rest;

import java.util.Map;

/**
 * A docs tree to preview, as JSON.
 *
 * @param mkdocs the text of {@code mkdocs.yml}
 * @param index  the text of {@code docs/index.md} (optional)
 * @param pages  page texts by docs-relative path, e.g. {@code core/logger.md} (optional)
 */
public record DocsParseRequest(String mkdocs, String index, Map<String, String> pages) {
}
