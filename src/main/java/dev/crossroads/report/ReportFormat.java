package dev.crossroads.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The formats a parity report comes in: name for {@code ?format=} and {@code --format}, media type, renderer. */
public enum ReportFormat {
    MARKDOWN("md", "text/markdown", MarkdownReport::render),
    CSV("csv", "text/csv", CsvReport::render),
    JSON("json", "application/json", JsonReport::render),
    HTML("html", "text/html", HtmlReport::render);

    private final String extension;
    private final String mediaType;
    private final Function<ParityReport, String> renderer;

    ReportFormat(String extension, String mediaType, Function<ParityReport, String> renderer) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.renderer = renderer;
    }

    /** {@code md} (or {@code markdown}), {@code csv}, {@code json}, {@code html}; case ignored. */
    public static Optional<ReportFormat> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.extension.equals(wanted) || f.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /** "md, csv, json or html". */
    public static String names() {
        return "md, csv, json or html";
    }

    public String extension() {
        return extension;
    }

    /** Without parameters: {@code text/markdown}. */
    public String mediaType() {
        return mediaType;
    }

    /** What the HTTP answer says: {@code text/markdown; charset=UTF-8}. */
    public String contentType() {
        return mediaType + "; charset=UTF-8";
    }

    /** {@code parity.md}. */
    public String filename() {
        return "parity." + extension;
    }

    public String render(ParityReport report) {
        return renderer.apply(report);
    }
}
