package dev.crossroads.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * The password of the embedded server's superuser. zonky initialises a data directory with {@code trust} for every
 * local connection, which made any user of the machine a superuser without a password. Each data directory now has
 * a random password of its own, kept in it ({@value #FILE}, readable by its owner only), and every connection,
 * over TCP or the Unix socket, must give it.
 *
 * <p>A new directory is initialised that way (initdb's {@code --auth} and {@code --pwfile}), so it never trusts
 * anyone. A directory initialised before this still trusts: it gets a password at its first start with this code,
 * and then its {@code pg_hba.conf} is switched to passwords.
 */
final class ServerPassword {

    static final String FILE = "crossroads-password";
    private static final Logger LOG = Logger.getLogger(ServerPassword.class);
    private static final String METHOD = "scram-sha-256";
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 32; // about 190 bits
    /** What initdb writes for {@code --auth=scram-sha-256}, so old and new directories end up alike. */
    private static final String PG_HBA = """
            # Written by Crossroads: every connection needs the password kept in %s in this directory.
            # TYPE  DATABASE        USER            ADDRESS                 METHOD
            local   all             all                                     %s
            host    all             all             127.0.0.1/32            %s
            host    all             all             ::1/128                 %s
            local   replication     all                                     %s
            host    replication     all             127.0.0.1/32            %s
            host    replication     all             ::1/128                 %s
            """.formatted(FILE, METHOD, METHOD, METHOD, METHOD, METHOD, METHOD);

    private final Path dataDir;
    private final String password;
    private final boolean stored;
    private final boolean trusting;

    private ServerPassword(Path dataDir, String password, boolean stored, boolean trusting) {
        this.dataDir = dataDir;
        this.password = password;
        this.stored = stored;
        this.trusting = trusting;
    }

    /** Reads the directory's password, or makes one up for a directory that has none yet. */
    static ServerPassword of(Path dataDir) {
        Optional<String> stored = read(dataDir.resolve(FILE));
        boolean initialised = Files.exists(dataDir.resolve("postgresql.conf"));
        boolean trusting = initialised && trusts(dataDir.resolve("pg_hba.conf"));
        if (initialised && !trusting && stored.isEmpty()) {
            throw new DatabaseStartFailure("The embedded PostgreSQL cannot start: it requires a password, and "
                    + dataDir.resolve(FILE) + " that keeps it is missing. Put the file back; or, to give it a new"
                    + " password, change '" + METHOD + "' to 'trust' in " + dataDir.resolve("pg_hba.conf")
                    + " and start again.");
        }
        ServerPassword password = new ServerPassword(dataDir, stored.orElseGet(ServerPassword::generate),
                stored.isPresent(), trusting);
        if (trusting && stored.isEmpty()) {
            password.store(); // before the server knows it: a crash in between leaves it trusting, and we retry
        }
        return password;
    }

    String value() {
        return password;
    }

    /**
     * Makes zonky connect with the password and, when it initialises the directory, set it and require it. Returns
     * the temporary file initdb reads it from (the directory must be empty for initdb, so it cannot be there yet).
     */
    Optional<Path> configure(EmbeddedPostgres.Builder builder) {
        builder.setConnectConfig("password", password);
        // runs after initdb and before the server starts, on every start: keeps the password of a new directory
        builder.setDataDirectoryCustomizer(dir -> store());
        if (Files.exists(dataDir.resolve("postgresql.conf"))) {
            return Optional.empty();
        }
        try {
            Path initdbFile = Files.createTempFile("crossroads-initdb", ".pw", OWNER_ONLY);
            Files.writeString(initdbFile, password);
            // zonky passes these to initdb after its own "-A trust", so they win
            builder.setLocaleConfig("auth", METHOD);
            builder.setLocaleConfig("pwfile", initdbFile.toString());
            return Optional.of(initdbFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the new database password to a temporary file", e);
        }
    }

    /** For a directory that still trusts everyone: sets the password on the running server, then requires it. */
    void enforce(EmbeddedPostgres postgres) throws IOException {
        if (!trusting) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            // hashed here: the password itself never reaches the server, so no server log can show it
            connection.unwrap(PGConnection.class).alterUserPassword("postgres", password.toCharArray(), METHOD);
            replace(dataDir.resolve("pg_hba.conf"), PG_HBA);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Could not set a password on the embedded PostgreSQL: " + e.getMessage(), e);
        }
        LOG.infof("The embedded PostgreSQL now requires a password for every connection (kept in %s)",
                dataDir.resolve(FILE));
    }

    private void store() {
        if (stored || Files.exists(dataDir.resolve(FILE))) {
            return;
        }
        try {
            replace(dataDir.resolve(FILE), password);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the database password in " + dataDir.resolve(FILE), e);
        }
    }

    /** Whether any rule of {@code pg_hba.conf} lets a connection in without a password. */
    static boolean trusts(Path pgHba) {
        try {
            List<String> lines = Files.readAllLines(pgHba);
            return lines.stream().map(line -> line.replaceFirst("#.*", "").trim()).filter(line -> !line.isEmpty())
                    .anyMatch(line -> List.of(line.split("\\s+")).contains("trust"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + pgHba, e);
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file).trim()).filter(p -> !p.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            throw new DatabaseStartFailure("The embedded PostgreSQL cannot start: " + file + " cannot be read ("
                    + e.getMessage() + "). Give the service's user access to it.", e);
        }
    }

    /**
     * Writes a file readable by its owner only, whole or not at all: through a temporary file in the same
     * directory, created with those permissions before anything is written to it, then renamed.
     */
    private static void replace(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, OWNER_ONLY);
        Files.writeString(temporary, content);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
