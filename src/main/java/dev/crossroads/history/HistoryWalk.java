package dev.crossroads.history;

import dev.crossroads.roadmap.DocsFeatureParser;
import dev.crossroads.roadmap.RoadmapParser;
import dev.crossroads.snapshot.NewSnapshot;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.source.FamilyConfig.LanguageSource;
import dev.crossroads.sync.SourceSnapshots;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Walks a language's commits oldest first and turns each commit's roadmap page and docs files into snapshots, with
 * the same parse as the sync ({@link SourceSnapshots}). A file is read only when its version changed since the
 * previous commit, and a source whose content is the same as the last snapshot yields nothing, as in a sync.
 *
 * <p>Not thread-safe: one walk per language at a time.
 */
public final class HistoryWalk {

    private final LanguageSource language;
    private final CommitSource history;
    private final RoadmapParser roadmapParser;
    private final DocsFeatureParser docsParser;
    private final Map<SourceKind, String> lastHash = new HashMap<>();
    /** Each path's text at its current version: an unchanged page is not read again (older versions are let go). */
    private final Map<String, Map.Entry<String, String>> texts = new HashMap<>();
    private Map<String, String> roadmapVersion = Map.of();
    private Map<String, String> docsVersions = Map.of();
    private String navVersion;
    private DocsFeatureParser.Nav nav;
    private Instant lastTime = Instant.EPOCH;
    private final List<String> problems = new ArrayList<>();

    public HistoryWalk(LanguageSource language, CommitSource history, RoadmapParser roadmapParser,
            DocsFeatureParser docsParser) {
        this.language = language;
        this.history = history;
        this.roadmapParser = roadmapParser;
        this.docsParser = docsParser;
    }

    /** What a source held when this walk started (after an interrupted backfill): equal content is not stored. */
    public void resumeAfter(SourceKind source, String contentHash, Instant at) {
        if (contentHash != null) {
            lastHash.put(source, contentHash);
        }
        if (at != null && at.isAfter(lastTime)) {
            lastTime = at;
        }
    }

    /** Commits whose content could not be read (a page the parsers refuse): skipped, listed here. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * The snapshots one commit yields for the wanted sources (none when nothing the sources read changed). Observation
     * times never go back: a commit dated before its parent is taken as observed at its parent's time.
     */
    public List<HistoricSnapshot> read(HistoricCommit commit, Set<SourceKind> wanted) throws IOException {
        Instant at = commit.committedAt().isBefore(lastTime) ? lastTime : commit.committedAt();
        lastTime = at;
        List<HistoricSnapshot> out = new ArrayList<>();
        if (wanted.contains(SourceKind.ROADMAP)) {
            roadmap(commit, at, out);
        }
        if (wanted.contains(SourceKind.DOCS)) {
            docs(commit, at, out);
        }
        return out;
    }

    private void roadmap(HistoricCommit commit, Instant at, List<HistoricSnapshot> out) throws IOException {
        String path = language.roadmapPath();
        Map<String, String> versions = history.versions(commit, List.of(path));
        if (versions.equals(roadmapVersion)) {
            return;
        }
        roadmapVersion = versions;
        String version = versions.get(path);
        if (version == null) {
            return; // no roadmap page (yet, or any more): nothing to say, as a sync whose page is not found
        }
        try {
            keep(commit, SourceSnapshots.roadmap(language, roadmapParser, text(path, version), null, at), out);
        } catch (RuntimeException e) {
            problems.add(commit.id() + " " + path + ": " + e.getMessage());
        }
    }

    private void docs(HistoricCommit commit, Instant at, List<HistoricSnapshot> out) throws IOException {
        String navPath = language.docs().nav();
        String homePath = language.docs().home();
        Map<String, String> navAndHome = history.versions(commit, List.of(navPath, homePath));
        String newNav = navAndHome.get(navPath);
        if (newNav == null) {
            return; // no mkdocs.yml at this commit: no docs to read
        }
        try {
            if (!newNav.equals(navVersion)) {
                nav = docsParser.nav(text(navPath, newNav));
                navVersion = newNav;
            }
        } catch (RuntimeException e) {
            problems.add(commit.id() + " " + navPath + ": " + e.getMessage());
            return;
        }
        Set<String> paths = new LinkedHashSet<>();
        for (String page : nav.featurePages()) {
            paths.add(pagePath(page));
        }
        Map<String, String> versions = new TreeMap<>(history.versions(commit, paths));
        versions.putAll(navAndHome);
        if (versions.equals(docsVersions)) {
            return;
        }
        docsVersions = versions;
        try {
            Map<String, String> pages = new TreeMap<>();
            for (String page : nav.featurePages()) {
                String version = versions.get(pagePath(page));
                if (version != null) {
                    pages.put(page, text(pagePath(page), version));
                }
            }
            String home = navAndHome.containsKey(homePath) ? text(homePath, navAndHome.get(homePath)) : null;
            keep(commit, SourceSnapshots.docs(language, docsParser, nav, text(navPath, newNav), home, pages, at), out);
        } catch (RuntimeException e) {
            problems.add(commit.id() + " docs: " + e.getMessage());
        }
    }

    private String pagePath(String page) {
        return language.docs().root() + "/" + page;
    }

    private String text(String path, String version) throws IOException {
        Map.Entry<String, String> known = texts.get(path);
        if (known == null || !known.getKey().equals(version)) {
            known = Map.entry(version, history.read(path, version));
            texts.put(path, known);
        }
        return known.getValue();
    }

    private void keep(HistoricCommit commit, NewSnapshot snapshot, List<HistoricSnapshot> out) {
        if (!Objects.equals(lastHash.get(snapshot.source()), snapshot.contentHash())) {
            lastHash.put(snapshot.source(), snapshot.contentHash());
            out.add(new HistoricSnapshot(snapshot, commit.id()));
        }
    }
}
