package dev.crossroads.roadmap;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Loads an {@code mkdocs.yml} safely. MkDocs files carry Python-specific tags ({@code !!python/name:…},
 * {@code !ENV}) that a safe loader rejects; here any unknown tag simply yields the plain value under it, and no
 * tag can ever construct an object.
 */
final class MkDocsYaml {

    private MkDocsYaml() {
    }

    static Map<?, ?> load(String text, int maxBytes) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Math.max(maxBytes, 1024));
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(100);
        // Global tags such as !!python/name are harmless here: TolerantConstructor never builds objects from tags.
        options.setTagInspector(tag -> true);
        try {
            Object document = new Yaml(new TolerantConstructor(options)).load(text);
            if (document == null) {
                return Map.of();
            }
            if (!(document instanceof Map<?, ?> map)) {
                throw new RoadmapParseException("mkdocs.yml must be a mapping of settings, not a "
                        + document.getClass().getSimpleName().toLowerCase());
            }
            return map;
        } catch (MarkedYAMLException e) {
            throw new RoadmapParseException("mkdocs.yml is not valid YAML at line "
                    + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new RoadmapParseException("mkdocs.yml cannot be read: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse("");
    }

    private static final class TolerantConstructor extends SafeConstructor {

        TolerantConstructor(LoaderOptions options) {
            super(options);
            this.yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    if (node instanceof ScalarNode scalar) {
                        return constructScalar(scalar);
                    }
                    if (node instanceof SequenceNode sequence) {
                        return List.copyOf(constructSequence(sequence).stream()
                                .map(v -> v == null ? "" : v).toList());
                    }
                    return constructMapping((MappingNode) node);
                }
            });
        }
    }
}
