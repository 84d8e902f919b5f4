package dev.crossroads.preview;

import dev.crossroads.config.CrossroadsConfig;
import dev.crossroads.preview.InvalidDocumentException.Reason;
import dev.crossroads.roadmap.DocsFeatureList;
import dev.crossroads.roadmap.DocsFeatureParser;
import dev.crossroads.roadmap.PageSource;
import dev.crossroads.roadmap.RoadmapDocument;
import dev.crossroads.roadmap.RoadmapParseException;
import dev.crossroads.roadmap.RoadmapParser;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Lets roadmap maintainers see how Crossroads reads their pages before they publish them: checks size and
 * encoding, then runs the same parsers the sync uses.
 */
@ApplicationScoped
public class ParsePreviewService {

    private final RoadmapParser roadmapParser;
    private final DocsFeatureParser docsParser;
    private final int maxBytes;
    private final java.time.Duration budget;
    /** Previews are CPU work for anonymous callers: a few at a time, the rest told to come back. */
    private final java.util.concurrent.Semaphore running;

    public ParsePreviewService(CrossroadsConfig config) {
        this.maxBytes = config.parse().maxBytes();
        this.budget = config.parse().timeBudget();
        this.roadmapParser = new RoadmapParser(budget);
        this.docsParser = new DocsFeatureParser(maxBytes, budget);
        this.running = new java.util.concurrent.Semaphore(Math.max(1, config.parse().maxConcurrent()));
    }

    public int maxBytes() {
        return maxBytes;
    }

    public RoadmapDocument roadmap(byte[] body) {
        return roadmap(decode(body, "the roadmap"));
    }

    public RoadmapDocument roadmap(String markdown) {
        checkText(markdown, "the roadmap");
        return bounded(() -> roadmapParser.parse(markdown));
    }

    /** Runs a parse if a preview slot is free, turning parser errors into the preview's typed ones. */
    private <T> T bounded(java.util.function.Supplier<T> parse) {
        if (!running.tryAcquire()) {
            throw new InvalidDocumentException(Reason.BUSY, "too many previews are being read at once; try again in"
                    + " a moment (crossroads.parse.max-concurrent)");
        }
        try {
            return parse.get();
        } catch (dev.crossroads.roadmap.ParseBudget.ParseBudgetExceededException e) {
            throw new InvalidDocumentException(Reason.TOO_COMPLEX, e.getMessage()
                    + " (crossroads.parse.time-budget); the document is too complex to preview");
        } catch (RoadmapParseException e) {
            throw new InvalidDocumentException(Reason.UNREADABLE, e.getMessage());
        } finally {
            running.release();
        }
    }

    /**
     * @param pages optional page texts by docs-relative path, used for titles and maturity markers
     */
    public DocsFeatureList docs(String mkdocsYaml, String homePage, Map<String, String> pages) {
        if (mkdocsYaml == null || mkdocsYaml.isBlank()) {
            throw new InvalidDocumentException(Reason.UNREADABLE, "mkdocs.yml is required");
        }
        pages.forEach((path, text) -> {
            if (path == null || path.isBlank() || text == null) {
                throw new InvalidDocumentException(Reason.UNREADABLE, "page '" + path + "' has no text: every page is"
                        + " a path and its Markdown");
            }
        });
        long total = utf8Length(mkdocsYaml) + (homePage == null ? 0 : utf8Length(homePage))
                + pages.values().stream().mapToLong(ParsePreviewService::utf8Length).sum();
        if (total > maxBytes) {
            throw tooLarge(total);
        }
        checkText(mkdocsYaml, "mkdocs.yml");
        if (homePage != null) {
            checkText(homePage, "the home page");
        }
        pages.forEach((path, text) -> checkText(text, "page " + path));
        PageSource source = path -> Optional.ofNullable(pages.get(path));
        return bounded(() -> docsParser.parse(mkdocsYaml, homePage, source));
    }

    public String decode(byte[] body, String what) {
        if (body == null || body.length == 0) {
            throw new InvalidDocumentException(Reason.UNREADABLE, what + " is empty");
        }
        if (body.length > maxBytes) {
            throw tooLarge(body.length);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidDocumentException(Reason.NOT_TEXT, what + " is not valid UTF-8 text");
        }
    }

    private void checkText(String text, String what) {
        if (text == null) {
            throw new InvalidDocumentException(Reason.UNREADABLE, what + " is missing");
        }
        if (utf8Length(text) > maxBytes) {
            throw tooLarge(utf8Length(text));
        }
        if (text.indexOf('\0') >= 0) {
            throw new InvalidDocumentException(Reason.NOT_TEXT, what + " contains NUL bytes: binary data, not text");
        }
    }

    private InvalidDocumentException tooLarge(long size) {
        return new InvalidDocumentException(Reason.TOO_LARGE, "the document is " + size + " bytes; the limit is "
                + maxBytes + " bytes (crossroads.parse.max-bytes)");
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
