package dev.crossroads.source;

import dev.crossroads.source.FamilyConfig.BoardRef;
import dev.crossroads.source.FamilyConfig.DocsPaths;
import dev.crossroads.source.FamilyConfig.Family;
import dev.crossroads.source.FamilyConfig.LanguageSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and validates a family file. Validation is strict on purpose: a typo in a key would otherwise silently fall
 * back to a default and the service would track the wrong page for months.
 */
public final class FamilyConfigLoader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Set<String> TOP_KEYS = Set.of("family", "languages");
    private static final Set<String> FAMILY_KEYS = Set.of("id", "name");
    private static final Set<String> LANGUAGE_KEYS = Set.of("id", "name", "repository", "branch", "local-path",
            "roadmap", "docs", "board");
    private static final Set<String> DOCS_KEYS = Set.of("nav", "home", "root");
    private static final Set<String> BOARD_KEYS = Set.of("org", "number");

    private final Path file;

    private FamilyConfigLoader(Path file) {
        this.file = file;
    }

    public static FamilyConfig load(Path file) {
        return new FamilyConfigLoader(file).load();
    }

    private FamilyConfig load() {
        Map<String, Object> root = section(readYaml(), "");
        checkKeys(root, TOP_KEYS, "");
        Map<String, Object> familyNode = section(required(root, "family", ""), "family");
        checkKeys(familyNode, FAMILY_KEYS, "family");
        Family family = new Family(id(familyNode, "family"), text(familyNode, "name", "family"));

        Object languagesNode = required(root, "languages", "");
        if (!(languagesNode instanceof List<?> list) || list.isEmpty()) {
            throw invalid("languages", "must be a non-empty list of languages");
        }
        List<LanguageSource> languages = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String key = "languages[" + i + "]";
            LanguageSource language = language(section(list.get(i), key), key);
            Integer earlier = seen.putIfAbsent(language.id(), i);
            if (earlier != null) {
                throw invalid(key + ".id", "duplicate language '" + language.id() + "' (already defined at languages["
                        + earlier + "])");
            }
            languages.add(language);
        }
        return new FamilyConfig(file, family, languages);
    }

    private LanguageSource language(Map<String, Object> node, String key) {
        checkKeys(node, LANGUAGE_KEYS, key);
        String id = id(node, key);
        String repository = text(node, "repository", key);
        if (!REPOSITORY.matcher(repository).matches()) {
            throw invalid(key + ".repository", "must be 'owner/name', got '" + repository + "'");
        }
        Map<String, Object> docsNode = node.containsKey("docs") ? section(node.get("docs"), key + ".docs") : Map.of();
        checkKeys(docsNode, DOCS_KEYS, key + ".docs");
        DocsPaths docs = new DocsPaths(
                optionalText(docsNode, "nav", key + ".docs").orElse("mkdocs.yml"),
                optionalText(docsNode, "home", key + ".docs").orElse("docs/index.md"),
                optionalText(docsNode, "root", key + ".docs").orElse("docs"));
        return new LanguageSource(id, text(node, "name", key), repository,
                optionalText(node, "branch", key).orElse("main"),
                optionalText(node, "local-path", key).map(p -> localFolder(p, key + ".local-path")),
                optionalText(node, "roadmap", key).orElse("docs/roadmap.md"),
                docs,
                node.containsKey("board") ? Optional.of(board(section(node.get("board"), key + ".board"), key + ".board"))
                        : Optional.empty());
    }

    private BoardRef board(Map<String, Object> node, String key) {
        checkKeys(node, BOARD_KEYS, key);
        String org = text(node, "org", key);
        Object number = required(node, "number", key);
        if (!(number instanceof Integer n) || n <= 0) {
            throw invalid(key + ".number", "must be a positive project number, got '" + number + "'");
        }
        return new BoardRef(org, n);
    }

    /** Local folders are resolved against the folder of the family file, so a config works from any directory. */
    private Path localFolder(String value, String key) {
        Path base = file.toAbsolutePath().getParent();
        Path folder = base.resolve(value).normalize();
        if (!Files.isDirectory(folder)) {
            throw invalid(key, "folder '" + value + "' does not exist (resolved to " + folder + ")");
        }
        return folder;
    }

    private Object readYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object document = new Yaml(new SafeConstructor(options)).load(reader);
            if (document == null) {
                throw invalid("", "the file is empty");
            }
            return document;
        } catch (NoSuchFileException e) {
            throw invalid("", "file not found (set crossroads.config-file or CROSSROADS_CONFIG_FILE)");
        } catch (MarkedYAMLException e) {
            throw invalid("", "invalid YAML at line " + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw invalid("", "invalid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw invalid("", "cannot be read: " + e.getMessage());
        }
    }

    private String id(Map<String, Object> node, String key) {
        String id = text(node, "id", key);
        if (!ID.matcher(id).matches()) {
            throw invalid(join(key, "id"), "'" + id + "' must be lower-case letters, digits and dashes");
        }
        return id;
    }

    private String text(Map<String, Object> node, String name, String key) {
        return optionalText(node, name, key).orElseThrow(() -> invalid(join(key, name), "is required"));
    }

    private Optional<String> optionalText(Map<String, Object> node, String name, String key) {
        Object value = node.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map || value instanceof List) {
            throw invalid(join(key, name), "must be a single value");
        }
        String text = value.toString().strip();
        if (text.isEmpty()) {
            throw invalid(join(key, name), "must not be empty");
        }
        return Optional.of(text);
    }

    private Object required(Map<String, Object> node, String name, String key) {
        Object value = node.get(name);
        if (value == null) {
            throw invalid(join(key, name), "is required");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> section(Object node, String key) {
        if (!(node instanceof Map<?, ?> map)) {
            throw invalid(key, "must be a mapping of keys to values");
        }
        return (Map<String, Object>) map;
    }

    private void checkKeys(Map<String, Object> node, Set<String> allowed, String key) {
        for (Object name : node.keySet()) {
            if (!allowed.contains(String.valueOf(name))) {
                throw invalid(join(key, String.valueOf(name)),
                        "unknown key (expected one of " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String join(String key, String name) {
        return key.isEmpty() ? name : key + "." + name;
    }

    private InvalidFamilyConfigException invalid(String key, String problem) {
        return new InvalidFamilyConfigException(file, key, problem);
    }
}
