package dev.crossroads;

import dev.crossroads.config.CrossroadsConfig;
import dev.crossroads.source.FamilyConfigLoader;
import dev.crossroads.source.InvalidFamilyConfigException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * What can be checked before anything starts (the embedded database takes seconds, Quarkus more): a misspelt
 * {@code CROSSROADS_*} environment variable is refused like a misspelt {@code -D} key (SmallRye rejects unknown keys
 * under the prefix only when they arrive as properties), and the family file is read once, so a bad one is reported
 * at once instead of after the database and migrations ran.
 */
final class StartupChecks {

    private static final String PREFIX = "crossroads";

    private StartupChecks() {
    }

    /** Null when all is well, else the one line that says what is wrong and what to do. */
    static String problem(Map<String, String> environment, Map<Object, Object> properties) {
        Set<String> known = knownEnvironmentNames();
        for (String name : new TreeSet<>(environment.keySet())) {
            if (name.startsWith("CROSSROADS_") && !known.contains(name)) {
                return "Unknown setting " + name + " in the environment" + closest(name, known)
                        + "; the crossroads.* settings are listed in README.md";
            }
        }
        String file = Optional.ofNullable((String) properties.get("crossroads.config-file"))
                .or(() -> Optional.ofNullable(environment.get("CROSSROADS_CONFIG_FILE")))
                .orElse("config/crossroads.yaml");
        try {
            FamilyConfigLoader.load(Path.of(file));
        } catch (InvalidFamilyConfigException e) {
            return "The family file is not valid: " + e.getMessage();
        }
        return null;
    }

    private static String closest(String name, Set<String> known) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return known.stream().min(Comparator.comparingInt(k -> distance.apply(k, name)))
                .filter(k -> distance.apply(k, name) <= 3).map(k -> " (did you mean " + k + "?)").orElse("");
    }

    /** Every crossroads.* setting as an environment variable: crossroads.sync.max-bytes is CROSSROADS_SYNC_MAX_BYTES. */
    static Set<String> knownEnvironmentNames() {
        Set<String> names = new TreeSet<>();
        collect(CrossroadsConfig.class, PREFIX, names);
        return names;
    }

    private static void collect(Class<?> mapping, String prefix, Set<String> names) {
        for (Method method : mapping.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            String key = prefix + "." + kebab(method.getName());
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getEnclosingClass() == CrossroadsConfig.class) {
                collect(type, key, names);
            } else {
                names.add(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
            }
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
