package dev.crossroads.snapshot;

/**
 * Where a language's files can be seen on GitHub, for evidence links: the docs page a feature rests on, the roadmap
 * line an item was read from. Built from the family file even when files are read from a local folder, so the links
 * always point at the public repository.
 */
public record SourceLinks(String repository, String branch) {

    private static final String GITHUB = "https://github.com/";

    /** The page of a file at the tracked branch. */
    public String file(String path) {
        return GITHUB + repository + "/blob/" + branch + "/" + path;
    }

    /** One line of a file, as GitHub anchors it. */
    public String line(String path, int line) {
        return file(path) + "#L" + line;
    }
}
