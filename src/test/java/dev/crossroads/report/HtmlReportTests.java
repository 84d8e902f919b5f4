package dev.crossroads.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.parity.Parity;
import dev.crossroads.roadmap.FeatureStatus;
import org.junit.jupiter.api.Test;

class HtmlReportTests {

    @Test
    void aStandalonePageWithATableHeadersAndTheLinkedStylesheet() {
        String html = HtmlReport.render(ReportFixtures.report());

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">")
                .contains("<link rel=\"stylesheet\" href=\"/report.css\">")
                .contains("<th scope=\"col\">Python</th>")
                .contains("<tr><th scope=\"row\">Logger</th><td>Core</td><td class=\"parity-universal\">universal since"
                        + " 2025-03-01</td><td class=\"status status-available\"><span aria-hidden=\"true\">✅</span>"
                        + " available since 2025-03-01</td>")
                .contains("status-in-progress\"><span aria-hidden=\"true\">🚧</span> in progress since 2025-03-01</td>")
                .contains("Data version 7, matrix built 2025-06-01T10:00:00Z");
        assertThat(html).as("no inline style or script: the page holds under style-src 'self'")
                .doesNotContain("<style").doesNotContain("style=").doesNotContain("<script");
    }

    @Test
    void scriptsAndMarkupInNamesAreEscapedText() {
        String html = HtmlReport.render(ReportFixtures.report(ReportFixtures.row("x",
                "<script>alert('x')</script>", "<img src=x onerror=alert(1)>\"&", Parity.UNIQUE,
                FeatureStatus.AVAILABLE, FeatureStatus.ABSENT)));

        assertThat(html).doesNotContain("<script").doesNotContain("<img")
                .contains("&lt;script&gt;alert('x')&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;&quot;&amp;");
    }

    @Test
    void withNoDataItSaysSo() {
        String html = HtmlReport.render(ReportFixtures.noData());

        assertThat(html).contains("<p class=\"notice\">No data yet: no source has been synced.</p>")
                .doesNotContain("<table");
    }
}
