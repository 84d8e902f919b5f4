package dev.crossroads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The Kubernetes manifests set only settings that exist: a misspelt variable would be ignored in production. */
class DeployManifestsTests {

    private static final Path KUBERNETES = Path.of("deploy/kubernetes");

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
}
