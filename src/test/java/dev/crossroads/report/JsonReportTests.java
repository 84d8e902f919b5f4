package dev.crossroads.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDocumentedShape() throws IOException {
        JsonNode report = JSON.readTree(JsonReport.render(ReportFixtures.report()));

        assertThat(names(report)).containsExactly("family", "dataVersion", "generatedAt", "selection", "message",
                "languages", "rows");
        assertThat(report.get("family").asText()).isEqualTo("Gizmo");
        assertThat(report.get("dataVersion").asLong()).isEqualTo(7);
        assertThat(report.get("generatedAt").asText()).isEqualTo("2025-06-01T10:00:00Z");
        assertThat(report.get("message").isNull()).isTrue();
        assertThat(report.get("selection").toString()).isEqualTo("{\"languages\":[],\"group\":null,\"query\":null}");
        assertThat(report.get("languages").get(1).toString())
                .isEqualTo("{\"id\":\"java\",\"name\":\"Java\",\"shipped\":1,\"total\":2,\"coverage\":0.5}");
        JsonNode batch = report.get("rows").get(1);
        assertThat(names(batch)).containsExactly("id", "name", "group", "parity", "universalSince", "cells");
        assertThat(batch.get("parity").asText()).isEqualTo("UNIQUE");
        assertThat(batch.get("universalSince").isNull()).isTrue();
        assertThat(batch.get("cells").get(1).toString()).isEqualTo("{\"language\":\"java\",\"status\":\"IN_PROGRESS\","
                + "\"since\":\"2025-03-01T08:30:00Z\",\"availableSince\":null,\"versionAdded\":null,\"priority\":null,\"disagreements\":[]}");
    }

    @Test
    void withNoDataRowsAreEmptyAndTheMessageSaysWhy() throws IOException {
        JsonNode report = JSON.readTree(JsonReport.render(ReportFixtures.noData()));

        assertThat(report.get("message").asText()).isEqualTo("No data yet: no source has been synced");
        assertThat(report.get("rows")).isEmpty();
        assertThat(report.get("generatedAt").isNull()).isTrue();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
