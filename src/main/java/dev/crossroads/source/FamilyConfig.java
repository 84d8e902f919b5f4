package dev.crossroads.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code config/crossroads.yaml} says: the project family and, in display order, the languages it ships in.
 *
 * @param file the file it was read from, kept so later errors can name it
 */
public record FamilyConfig(Path file, Family family, List<LanguageSource> languages) {

    public FamilyConfig {
        languages = List.copyOf(languages);
    }

    public Optional<LanguageSource> language(String id) {
        return languages.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The family as a whole, e.g. {@code powertools} / "Powertools for AWS Lambda". */
    public record Family(String id, String name) {
    }

    /**
     * One language of the family and where its roadmap, docs and board live.
     *
     * @param localPath when present, files are read from this folder instead of the repository
     */
    public record LanguageSource(String id, String name, String repository, String branch, Optional<Path> localPath,
            String roadmapPath, DocsPaths docs, Optional<BoardRef> board) {
    }

    /** Where the MkDocs site of a language lives, relative to the repository root. */
    public record DocsPaths(String nav, String home, String root) {
    }

    /** A GitHub Projects (v2) board owned by an organisation. */
    public record BoardRef(String org, int number) {
    }
}
