package dev.crossroads.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.testing.PackagedService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The landing page in a real Chromium, against the packaged service synced from the Gizmo example family, with
 * hostile names planted in one language's docs nav and roadmap. Screenshots of every page land in
 * {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LandingPageBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String HOSTILE_NAV_NAME = "<img src=x onerror=\"window.__pwned='nav'\"> Hostile "
            + "<script>window.__pwned='script'</script>";

    /** The elements reaching past the viewport's right edge, for the failure message. */
    private static final String TOO_WIDE = """
            const width = document.documentElement.clientWidth;
            return [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 0.5)
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                    + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 10).join(', ');
            """;

    private Path dir;
    private PackagedService service;
    private ChromeDriver browser;
    private String base;

    @BeforeAll
    void startServiceAndBrowser() throws Exception {
        dir = Files.createTempDirectory("landing-it");
        Path family = hostileGizmoFamily(dir.resolve("family"));
        service = PackagedService.start(dir, Map.of("crossroads.config-file", family.toString(),
                "crossroads.db.data-dir", dir.resolve("pg").toString()));
        service.awaitReady(Duration.ofSeconds(90));
        base = "http://localhost:" + service.port();
        awaitFirstSync();
        browser = chromium();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.process().destroy();
        }
    }

    @AfterEach
    void noConsoleErrors() {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("browser console errors").isEmpty();
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    void matrixShowsEachFeatureAndLanguageWithItsStatus() throws IOException {
        open("/");
        assertThat(cell("logger", "go").getAttribute("data-status")).isEqualTo("AVAILABLE");
        assertThat(cell("logger", "go").getText()).contains("Available").contains("as Logging");
        assertThat(cell("g-rpc", "go").getAttribute("data-status")).isEqualTo("AVAILABLE");
        assertThat(cell("g-rpc", "python").getAttribute("data-status")).isEqualTo("ABSENT");
        assertThat(cell("config-loading", "go").getText()).contains("Not planned");
        assertThat(row("logger").getText()).contains("everywhere since");
        assertThat(browser.findElements(By.cssSelector("table.matrix th.language")))
                .extracting(WebElement::getText).anySatisfy(t -> assertThat(t).startsWith("Python").contains("%"));
        assertThat(browser.findElements(By.cssSelector("details.legend li"))).hasSize(10);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> ((JavascriptExecutor) d).executeScript(
                "const chart = document.querySelector('.chart img'); return chart.complete && chart.naturalWidth > 0"));
        assertThat(browser.findElement(By.cssSelector(".chart img")).getAttribute("alt")).contains("Python");
        screenshot("matrix");
    }

    @Test
    void searchNarrowsTheRowsAndTheAddressKeepsIt() throws Exception {
        open("/");
        int all = featureRows().size();
        WebElement search = browser.findElement(By.id("q"));
        search.sendKeys("available_on:python -available_on:go", Keys.ENTER);
        awaitReady();

        assertThat(browser.getCurrentUrl()).contains("q=available_on%3Apython+-available_on%3Ago");
        List<String> shown = featureRows().stream().map(r -> r.getAttribute("data-feature")).toList();
        assertThat(shown).isNotEmpty().hasSizeLessThan(all).contains("queue-events", "config-loading")
                .doesNotContain("logger", "g-rpc");
        browser.navigate().refresh();
        awaitReady();
        assertThat(featureRows().stream().map(r -> r.getAttribute("data-feature")).toList()).isEqualTo(shown);
        screenshot("search");

        String report = browser.findElement(By.linkText("CSV")).getAttribute("href");
        String csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(report)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<String> reported = new ArrayList<>();
        try (var rows = new CsvMapper().readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .<List<String>>readValues(csv)) {
            rows.forEachRemaining(row -> reported.add(row.get(0)));
        }
        assertThat(reported.subList(1, reported.size())).as("the CSV report of the same view").isEqualTo(shown);
    }

    @Test
    void aBadSearchShowsItsErrorAndPosition() throws IOException {
        open("/?q=" + java.net.URLEncoder.encode("logger AND status:", java.nio.charset.StandardCharsets.UTF_8));
        WebElement alert = browser.findElement(By.cssSelector("[role=alert].error"));
        assertThat(alert.getText()).contains("at 18: expected a value after 'status:'");
        assertThat(alert.findElement(By.cssSelector("pre.caret")).getText()).endsWith("^");
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("logger AND status:");
        screenshot("search-error");
    }

    @Test
    void exampleSearchesAreLinksThatWork() {
        open("/");
        WebElement example = browser.findElement(By.linkText("In Python, not in Go"));
        example.click();
        awaitReady();
        assertThat(browser.findElements(By.cssSelector("[role=alert].error"))).isEmpty();
        assertThat(featureRows()).isNotEmpty();
    }

    @Test
    void featurePageShowsEvidenceLinksAndHistory() throws IOException {
        open("/features/logger");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Logger");
        List<String> evidence = browser.findElements(By.cssSelector("ul.evidence a")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertThat(evidence).contains("https://github.com/gizmo-labs/gizmo-go/blob/main/docs/core/logging.md");
        assertThat(browser.findElement(By.cssSelector("table.cells tr[data-language=go]")).getText())
                .contains("Available", "roadmap");
        assertThat(browser.findElements(By.cssSelector("ol.timeline li"))).isNotEmpty();
        screenshot("feature");
    }

    @Test
    void languagePageShowsRoadmapBoardAndDocs() throws IOException {
        open("/languages/go");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Go");
        assertThat(browser.findElements(By.cssSelector("#roadmap .roadmap-item"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#roadmap .priority"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#roadmap progress"))).isNotEmpty();
        assertThat(browser.findElement(By.id("board")).getText()).contains("No board cards");
        assertThat(browser.findElements(By.cssSelector("#docs tbody tr"))).hasSizeGreaterThan(5);
        screenshot("language");
    }

    @Test
    void roadmapAndDocsTextIsShownAsTextAndRunsNothing() throws Exception {
        // a second line of defence behind text-only rendering: no script but the page's own modules may run
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/languages/python"))
                .build(), HttpResponse.BodyHandlers.discarding()).headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe"));
        open("/");
        assertThat(browser.findElement(By.cssSelector("table.matrix")).getText()).contains(
                "<img src=x onerror=\"window.__pwned='nav'\"> Hostile");
        open("/languages/python");
        assertThat(browser.findElement(By.id("docs")).getText()).contains("<script>window.__pwned='script'</script>");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("main img, main script"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
        assertThat(browser.findElement(By.id("roadmap")).getText()).contains("Hostile heading");
        screenshot("language-hostile");
    }

    @Test
    void everyPageMeetsTheAutomatedAccessibilityRules() {
        for (String page : List.of("/", "/features/logger", "/languages/go", "/?q=status:")) {
            open(page);
            Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                    .analyze(browser);
            assertThat(results.getViolations()).as("accessibility violations on %s", page)
                    .extracting(rule -> rule.getId() + ": " + rule.getNodes().stream().limit(3)
                            .map(node -> String.valueOf(node.getTarget())).toList())
                    .isEmpty();
            assertThat(results.getPasses()).as("rules that ran on %s", page).hasSizeGreaterThan(10);
        }
        // the rules do look: a page without its language is caught
        ((JavascriptExecutor) browser).executeScript("document.documentElement.removeAttribute('lang')");
        assertThat(new AxeBuilder().withTags(List.of("wcag2a")).analyze(browser).getViolations())
                .extracting(rule -> rule.getId()).contains("html-has-lang");
    }

    @Test
    void noHorizontalScrollAtPhoneWidth() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        for (String page : List.of("/", "/features/logger", "/languages/python", "/?q=status:")) {
            open(page);
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).as("horizontal overflow of %s at 390 px; too wide: %s", page,
                    ((JavascriptExecutor) browser).executeScript(TOO_WIDE)).isZero();
        }
        open("/");
        screenshot("matrix-phone");
    }

    @Test
    void aStaleOrFailingSourceIsShownWithWhatToDo() {
        open("/");
        // the family's Rust roadmap path does not exist, so that source fails every sync
        WebElement warning = browser.findElement(By.cssSelector("#freshness [role=alert].warning"));
        assertThat(warning.getText()).contains("Rust roadmap").contains("check the path");
    }

    private void open(String path) {
        browser.get(base + path);
        awaitReady();
    }

    private void awaitReady() {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> "true".equals(
                d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    private WebElement row(String feature) {
        return browser.findElement(By.cssSelector("table.matrix tr[data-feature='" + feature + "']"));
    }

    private WebElement cell(String feature, String language) {
        return row(feature).findElement(By.cssSelector("td[data-language='" + language + "']"));
    }

    private List<WebElement> featureRows() {
        return browser.findElements(By.cssSelector("table.matrix tr[data-feature]"));
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static ChromeDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,1000",
                "--user-data-dir=" + tempDir("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        return new ChromeDriver(driver, options);
    }

    private static String tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix).toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The Gizmo example family, copied, with a nav entry and a roadmap item whose names are markup, and a Rust
     * roadmap path that does not exist.
     */
    private static Path hostileGizmoFamily(Path target) throws IOException {
        Path source = Path.of("config/examples");
        try (Stream<Path> files = Files.walk(source.resolve("gizmo"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        Path python = target.resolve("gizmo/python");
        String nav = Files.readString(python.resolve("mkdocs.yml")).replace(
                "          - Config loading: utilities/config.md\n",
                "          - Config loading: utilities/config.md\n          - '" + HOSTILE_NAV_NAME.replace("'", "''")
                        + "': utilities/hostile.md\n");
        Files.writeString(python.resolve("mkdocs.yml"), nav);
        Files.writeString(python.resolve("docs/utilities/hostile.md"), "# Hostile\n\nA page with a markup name.\n");
        Files.writeString(python.resolve("docs/roadmap.md"), Files.readString(python.resolve("docs/roadmap.md"))
                .replace("### Log redaction (P1)", "### <script>window.__pwned='heading'</script> Hostile heading (P2)"
                        + "\n\nBody with <img src=x onerror=\"window.__pwned='body'\"> inline.\n\n"
                        + "* [ ] [a link](javascript:window.__pwned='href')\n\n### Log redaction (P1)"));
        String family = Files.readString(source.resolve("gizmo.yaml"))
                .replaceFirst("(?s)(id: rust.*?roadmap: )docs/roadmap.md", "$1docs/no-such-roadmap.md");
        Path config = target.resolve("gizmo.yaml");
        Files.writeString(config, family);
        return config;
    }

    private void awaitFirstSync() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/queries/landing")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("\"feature\":{\"id\":\"logger\"")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("first sync not done within 60 s; log:\n" + service.output());
    }
}
