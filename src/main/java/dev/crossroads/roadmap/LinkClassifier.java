package dev.crossroads.roadmap;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tells issues, pull requests, RFCs, discussions, docs and boards apart by URL shape and link text. */
final class LinkClassifier {

    private static final Pattern REPO_ITEM = Pattern.compile(
            "^/([^/]+)/([^/]+)/(issues|pull|discussions|milestone|projects)/(\\d+)(?:[/?#].*)?$");
    private static final Pattern ORG_BOARD = Pattern.compile("^/(?:orgs|users)/([^/]+)/projects/(\\d+)(?:[/?#].*)?$");
    private static final Pattern REPO = Pattern.compile("^/([^/]+)/([^/?#]+)");
    private static final Pattern OTHER_SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern RFC_TEXT = Pattern.compile("\\bRFC\\b", Pattern.CASE_INSENSITIVE);
    private static final List<String> DOCS_HOST_HINTS = List.of("docs.", ".github.io", "readthedocs", "docs-");

    private LinkClassifier() {
    }

    static RoadmapLink classify(String text, String url) {
        String cleanText = text == null ? "" : text.strip();
        String trimmed = url.strip();
        int schemeEnd = trimmed.indexOf("://");
        boolean absolute = schemeEnd > 0;
        String host = "";
        String path = trimmed;
        if (absolute) {
            int hostStart = schemeEnd + 3;
            int hostEnd = indexOfAny(trimmed, hostStart, "/?#");
            host = trimmed.substring(hostStart, hostEnd).toLowerCase(Locale.ROOT);
            path = trimmed.substring(hostEnd);
        }
        path = path.substring(0, indexOfAny(path, 0, "?#"));
        if (host.equals("github.com") || host.equals("www.github.com")) {
            return github(cleanText, url, path);
        }
        boolean otherScheme = !absolute && OTHER_SCHEME.matcher(trimmed).lookingAt();
        if (!absolute && !otherScheme && !path.isEmpty()) {
            // relative links on a docs page point at other docs pages
            return new RoadmapLink(cleanText, url, LinkKind.DOCS, null, null, null);
        }
        if (DOCS_HOST_HINTS.stream().anyMatch(host::contains) || cleanText.equalsIgnoreCase("docs")) {
            return new RoadmapLink(cleanText, url, LinkKind.DOCS, null, null, null);
        }
        return new RoadmapLink(cleanText, url, LinkKind.OTHER, null, null, null);
    }

    private static RoadmapLink github(String text, String url, String path) {
        Matcher board = ORG_BOARD.matcher(path);
        if (board.matches()) {
            return new RoadmapLink(text, url, LinkKind.BOARD, board.group(1), null, Integer.valueOf(board.group(2)));
        }
        Matcher item = REPO_ITEM.matcher(path);
        if (item.matches()) {
            Integer number = parseNumber(item.group(4));
            LinkKind kind = switch (item.group(3)) {
                case "issues" -> RFC_TEXT.matcher(text).find() ? LinkKind.RFC : LinkKind.ISSUE;
                case "pull" -> LinkKind.PULL_REQUEST;
                case "discussions" -> RFC_TEXT.matcher(text).find() ? LinkKind.RFC : LinkKind.DISCUSSION;
                case "projects" -> LinkKind.BOARD;
                default -> LinkKind.OTHER;
            };
            return new RoadmapLink(text, url, kind, item.group(1), item.group(2), number);
        }
        Matcher repo = REPO.matcher(path);
        if (repo.find()) {
            return new RoadmapLink(text, url, LinkKind.OTHER, repo.group(1), repo.group(2), null);
        }
        return new RoadmapLink(text, url, LinkKind.OTHER, null, null, null);
    }

    private static Integer parseNumber(String digits) {
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException tooLong) {
            return null;
        }
    }

    private static int indexOfAny(String text, int from, String characters) {
        for (int i = from; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
