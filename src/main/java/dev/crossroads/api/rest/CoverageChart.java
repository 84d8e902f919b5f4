package dev.crossroads.api.rest;

import dev.crossroads.parity.CoverageHistory.LanguagePoint;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Coverage over time as an SVG line chart: one polyline per language (features shipped at the end of each interval),
 * a year axis, a feature-count axis and a legend. Static markup only, no script and no event handlers, so a page can
 * embed it as an {@code <img>}; {@code <title>} and {@code <desc>} say in words what it shows. Pure.
 */
final class CoverageChart {

    /** One language's line. */
    record Series(String name, List<LanguagePoint> points) {
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 360;
    private static final int LEFT = 48;
    private static final int RIGHT = 140;
    private static final int TOP = 20;
    private static final int BOTTOM = 36;
    /** Distinguishable for common colour blindness (Okabe-Ito). */
    private static final List<String> COLOURS = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00",
            "#56B4E9", "#F0E442", "#000000");

    private CoverageChart() {
    }

    static String svg(String familyName, List<Series> series) {
        Instant first = null;
        Instant last = null;
        int max = 1;
        for (Series s : series) {
            for (LanguagePoint p : s.points()) {
                first = first == null || p.at().isBefore(first) ? p.at() : first;
                last = last == null || p.at().isAfter(last) ? p.at() : last;
                max = Math.max(max, p.shipped());
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"title desc\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<title id=\"title\">").append(escape("Features available over time: " + familyName))
                .append("</title>\n");
        svg.append("<desc id=\"desc\">").append(escape(describe(series))).append("</desc>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        if (first == null) {
            svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\">No history yet</text>\n</svg>\n");
            return svg.toString();
        }
        long from = first.getEpochSecond();
        long span = Math.max(1, last.getEpochSecond() - from);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        axes(svg, first, last, from, span, max, plotWidth, plotHeight);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = COLOURS.get(i % COLOURS.size());
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"");
            for (LanguagePoint p : s.points()) {
                double x = LEFT + plotWidth * (p.at().getEpochSecond() - from) / span;
                double y = TOP + plotHeight * (1 - (double) p.shipped() / max);
                svg.append(format(x)).append(',').append(format(y)).append(' ');
            }
            svg.append("\"/>\n");
            int legendY = TOP + 14 + i * 18;
            svg.append("<line x1=\"").append(WIDTH - RIGHT + 12).append("\" y1=\"").append(legendY - 4)
                    .append("\" x2=\"").append(WIDTH - RIGHT + 32).append("\" y2=\"").append(legendY - 4)
                    .append("\" stroke=\"").append(colour).append("\" stroke-width=\"2\"/>\n");
            svg.append("<text x=\"").append(WIDTH - RIGHT + 38).append("\" y=\"").append(legendY).append("\">")
                    .append(escape(s.name())).append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private static void axes(StringBuilder svg, Instant first, Instant last, long from, long span, int max,
            double plotWidth, double plotHeight) {
        int bottom = HEIGHT - BOTTOM;
        svg.append("<g stroke=\"#999999\">\n<line x1=\"").append(LEFT).append("\" y1=\"").append(bottom)
                .append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"").append(bottom).append("\"/>\n")
                .append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(bottom).append("\"/>\n</g>\n");
        int firstYear = first.atZone(ZoneOffset.UTC).getYear() + 1;
        int lastYear = last.atZone(ZoneOffset.UTC).getYear();
        for (int year = firstYear; year <= lastYear; year++) {
            long at = java.time.LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            double x = LEFT + plotWidth * (at - from) / span;
            svg.append("<line x1=\"").append(format(x)).append("\" y1=\"").append(bottom).append("\" x2=\"")
                    .append(format(x)).append("\" y2=\"").append(bottom + 4).append("\" stroke=\"#999999\"/>\n");
            svg.append("<text x=\"").append(format(x)).append("\" y=\"").append(bottom + 18)
                    .append("\" text-anchor=\"middle\">").append(year).append("</text>\n");
        }
        int step = Math.max(1, (int) Math.ceil(max / 5.0));
        for (int value = 0; value <= max; value += step) {
            double y = TOP + plotHeight * (1 - (double) value / max);
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(format(y + 4))
                    .append("\" text-anchor=\"end\">").append(value).append("</text>\n");
        }
        svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(TOP - 6)
                .append("\">features available</text>\n");
    }

    /** The chart in words: each language's count at the start and at the end. */
    static String describe(List<Series> series) {
        StringBuilder text = new StringBuilder("Features available per language over time.");
        for (Series s : series) {
            if (s.points().isEmpty()) {
                continue;
            }
            LanguagePoint start = s.points().get(0);
            LanguagePoint end = s.points().get(s.points().size() - 1);
            text.append(' ').append(s.name()).append(": ").append(start.shipped()).append(" in ")
                    .append(start.at().atZone(ZoneOffset.UTC).toLocalDate()).append(", ").append(end.shipped())
                    .append(" now.");
        }
        return text.toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
