package dev.crossroads.db;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded server's own output: initdb, pg_ctl and the server write to {@code <data directory>.log}, beside the
 * data directory (not in it: initdb takes only an empty directory). When a start fails, its FATAL, PANIC and ERROR
 * lines say why, in PostgreSQL's words.
 */
final class PostgresLog {

    private static final String SUFFIX = ".log";
    private static final Pattern COMPLAINT = Pattern.compile("\\b(FATAL|PANIC|ERROR):\\s.*");
    private static final Pattern LOG_LINE = Pattern.compile("\\bLOG:\\s.*");
    /** Enough for a failed start's lines; a log that grew by more is read from its last part only. */
    private static final long MAX_READ = 64 * 1024;
    private static final int MAX_LINES = 3;

    private PostgresLog() {
    }

    /** The log of the server of {@code dataDirectory}. */
    static Path of(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + SUFFIX);
    }

    /** The complaints written after {@code offset}, joined, at most a few; empty when there are none. */
    static String complaints(Path log, long offset) {
        if (!Files.exists(log)) {
            return "";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(offset, file.length() - MAX_READ);
            byte[] written = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(written);
            List<String> found = new java.util.ArrayList<>();
            String previous = null;
            for (String line : new String(written, StandardCharsets.UTF_8).lines().toList()) {
                Matcher complaint = COMPLAINT.matcher(line);
                if (complaint.find()) {
                    // the LOG line just before a FATAL one often names the cause ("unrecognized … parameter")
                    if (previous != null && complaint.group(1).equals("FATAL")) {
                        found.add(previous);
                    }
                    found.add(complaint.group().strip());
                    previous = null;
                } else {
                    Matcher logged = LOG_LINE.matcher(line);
                    previous = logged.find() ? logged.group().strip() : null;
                }
            }
            List<String> distinct = found.stream().distinct().toList();
            return String.join("; ", distinct.subList(Math.max(0, distinct.size() - MAX_LINES), distinct.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
